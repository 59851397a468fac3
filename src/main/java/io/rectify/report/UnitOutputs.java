package io.rectify.report;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.UnitReceipt;
import io.rectify.intake.Sha256;
import io.rectify.standing.UnitStanding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which units' receipts, marked copies and 督办单 a run takes over from the period folder it replaces instead of
 * writing them again: those whose digest of what they show (the unit's receipt as consolidated, its standing, the
 * period, the as-of day, the ledger's title, the issuer and the build that writes them) is the one they were
 * written from, when every file of the unit is still there with the hash it was written with. The digest is
 * computed from the same values the writers are given, so a taken-over file has the bytes writing it would give.
 */
final class UnitOutputs {

    /** A unit's output files, relative to the period folder, what is kept of them for the next run, and whether they were taken over. */
    record Written(List<String> files, List<UnitOutput> outputs, boolean takenOver) {
    }

    private final Path folder;
    private final String writer;
    private final Map<String, List<UnitOutput>> previous = new HashMap<>();

    /**
     * @param folder   the period folder being replaced, where the previous outputs are
     * @param writer   what else the outputs depend on: the build and the issuer
     * @param previous the unit outputs of that folder as last written
     */
    UnitOutputs(Path folder, String writer, List<UnitOutput> previous) {
        this.folder = folder;
        this.writer = writer;
        previous.forEach(o -> this.previous.computeIfAbsent(o.unitCode(), k -> new ArrayList<>()).add(o));
    }

    /** The digest of what a unit's receipt, marked copy and 督办单 show. */
    String digest(Consolidation consolidation, UnitReceipt receipt, UnitStanding standing) {
        MessageDigest sha = Sha256.digest();
        for (Object value : List.of("unit outputs 1", writer, consolidation.period(), consolidation.asOf(),
                String.valueOf(consolidation.title()), consolidation.completion(), receipt, standing)) {
            byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha.update(bytes);
        }
        return Sha256.hex(sha);
    }

    /**
     * The unit's outputs linked (else copied) from the folder being replaced into {@code staging}, when they were
     * written from {@code digest} and are unchanged since; empty when they must be written.
     */
    Optional<Written> takeOver(String unitCode, String digest, Path staging) throws IOException {
        List<UnitOutput> before = previous.getOrDefault(unitCode, List.of());
        if (before.isEmpty() || !before.stream().allMatch(o -> o.digest().equals(digest))) {
            return Optional.empty();
        }
        for (UnitOutput output : before) {
            Path file = folder.resolve(output.file());
            if (!Files.isRegularFile(file) || !output.sha256().equals(sha256(file))) {
                return Optional.empty();
            }
        }
        List<String> files = new ArrayList<>();
        for (UnitOutput output : before) {
            Path target = staging.resolve(output.file());
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(target, folder.resolve(output.file()));
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(folder.resolve(output.file()), target);
            }
            files.add(output.file());
        }
        return Optional.of(new Written(files, before, true));
    }

    /** The unit's outputs just written into {@code staging}, with their hashes. */
    Written written(String unitCode, String digest, Path staging, List<String> files) throws IOException {
        List<UnitOutput> outputs = new ArrayList<>();
        for (String file : files) {
            outputs.add(new UnitOutput(file, unitCode, digest, sha256(staging.resolve(file))));
        }
        return new Written(List.copyOf(files), outputs, false);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.of(in);
        }
    }
}
