package io.rectify.sample;

import io.rectify.ledger.Ledger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes the shipped sample (the reference case of the seed bulletin) into an input folder:
 * {@code master/整改台账.xlsx}, the ledger of {@link SampleLedger}, the units' returns for
 * 2024-02 and 2024-03 under {@code returns/} ({@link SampleReturns}, which says what they hold), and
 * the supervision groups' and the office's filled review workbooks for both periods under
 * {@code reviews/} ({@link SampleReviews}).
 * Deterministic: the same code writes the same bytes. Run it with
 * {@code java -jar target/rectify.jar sample [--input=DIR]}.
 */
public final class SampleInputs {

    private SampleInputs() {
    }

    public static void write(Path input) {
        Path ledgerFile = masterLedger(input);
        try {
            Ledger ledger = SampleLedger.ledger();
            SampleLedgerWorkbook.write(ledger, ledgerFile);
            // the templates and review workbooks carry the version of the ledger file they were made from, as the
            // nightly and templates jobs write it
            String version = sha256(ledgerFile);
            new SampleReviews(ledger, version, new SampleReturns(ledger, version).write(returns(input)))
                    .write(reviews(input));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample into " + input, e);
        }
    }

    /** Where {@link #write} puts the ledger under an input folder. */
    public static Path masterLedger(Path input) {
        return input.resolve("master").resolve(SampleLedgerWorkbook.FILE_NAME);
    }

    /** Where {@link #write} puts the returns under an input folder: one folder per period. */
    public static Path returns(Path input) {
        return input.resolve("returns");
    }

    /** Where {@link #write} puts the filled review workbooks under an input folder: one folder per period. */
    public static Path reviews(Path input) {
        return input.resolve("reviews");
    }

    /** The ledger version as the importer records it: the SHA-256 of the file. */
    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
