package io.rectify.sample;

import java.nio.file.Path;

/**
 * Writes the shipped sample (the reference case of the seed bulletin) into an input folder:
 * {@code master/} with the ledger and {@code returns/<period>/} with the units' returns.
 * Deterministic: the same code writes the same workbooks.
 */
public final class SampleInputs {

    private SampleInputs() {
    }

    public static void write(Path input) {
        throw new UnsupportedOperationException("sample generator not written yet");
    }
}
