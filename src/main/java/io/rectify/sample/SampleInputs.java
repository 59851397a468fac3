package io.rectify.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes the shipped sample (the reference case of the seed bulletin) into an input folder:
 * {@code master/整改台账.xlsx}, the ledger of {@link SampleLedger}. Deterministic: the same code
 * writes the same bytes. Run it with {@code java -jar target/rectify.jar sample [--input=DIR]}.
 */
public final class SampleInputs {

    private SampleInputs() {
    }

    public static void write(Path input) {
        Path ledgerFile = masterLedger(input);
        try {
            SampleLedgerWorkbook.write(SampleLedger.ledger(), ledgerFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ledgerFile, e);
        }
    }

    /** Where {@link #write} puts the ledger under an input folder. */
    public static Path masterLedger(Path input) {
        return input.resolve("master").resolve(SampleLedgerWorkbook.FILE_NAME);
    }
}
