-- Ledger history (io.rectify.reconcile.Reconciler#versionFor): an earlier period stays judged
-- against the ledger version it was judged with, not against today's.

-- The imported workbook itself, so that an earlier version can be read again when a period judged
-- with it must be reconciled again (the master tables hold the current version only). Null for a
-- version imported before this column existed until the same workbook is seen again in
-- <input>/master/ (the importer then keeps its bytes).
ALTER TABLE ledger_version ADD COLUMN workbook BLOB;

-- The ledger version each period with stored state was judged with, by content hash rather than
-- by id: a ledger reverted to an earlier version is stored again under a new id with the same hash.
-- Written with the period's state (reconcile), in the same transaction.
CREATE TABLE period_ledger (
    period      VARCHAR(7)  NOT NULL PRIMARY KEY,
    ledger_hash VARCHAR(64) NOT NULL
);

-- Every period stored before was last reconciled against the current version (a new version had
-- every period reconciled again).
INSERT INTO period_ledger (period, ledger_hash)
SELECT DISTINCT s.period, v.content_hash
FROM task_status s CROSS JOIN (SELECT content_hash FROM ledger_version ORDER BY id DESC LIMIT 1) v;

-- The trend row (趋势, summary.json trend) of a period, as consolidated with the ledger version it was
-- judged with: an earlier period's row is computed once, not from its (possibly earlier, re-read)
-- ledger every night. Reconcile deletes it, and every later period's (lists in force come from the
-- periods before), with the period's state.
CREATE TABLE period_figures (
    period  VARCHAR(7)    NOT NULL PRIMARY KEY,
    figures VARCHAR(4000) NOT NULL   -- io.rectify.consolidate.StoredFigures' encoding
);
