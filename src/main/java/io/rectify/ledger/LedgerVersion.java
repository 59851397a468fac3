package io.rectify.ledger;

import java.time.Instant;

/** One imported version of the ledger: its SHA-256 content hash identifies it (and marks templates made from it). */
public record LedgerVersion(long id, String contentHash, String sourceFile, Instant importedAt) {
}
