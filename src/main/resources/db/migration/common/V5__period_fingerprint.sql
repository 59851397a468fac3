-- What each period's stored state was reconciled from (io.rectify.nightly.PeriodFingerprints): the
-- nightly job leaves an earlier period as stored when the fingerprint of its inputs is the one
-- stored here. Written in the transaction that stores the period's state; reconcile deletes it with
-- that state, so a period reconciled any other way, or before this table existed, has none and is
-- reconciled again by the next nightly run.
CREATE TABLE period_fingerprint (
    period        VARCHAR(7)   NOT NULL PRIMARY KEY,
    -- SHA-256 hex of the inputs; 'unrepeatable-<uuid>' when reading gave an outcome of the moment
    -- (a time or memory limit, a failed archive copy), which must be tried again
    fingerprint   VARCHAR(100) NOT NULL,
    reconciled_at TIMESTAMP    NOT NULL
);
