-- Incremental nights: a period reconciled again stores only what changed, part by part, and reads
-- only the workbooks that changed; a unit's receipt, marked copy and 督办单 are written again only
-- when what they show changed.

-- A digest of each part of a period's stored state as reconcile last stored it
-- (io.rectify.reconcile.ReconcileStore): 'files:<unit code>' is a unit's return_file rows with the
-- rows and lists of its used return ('files:' those of no known unit), 'exceptions:<block>' one
-- block of the exception list (a unit's exceptions, or a group's without a unit), 'reviews' the
-- review files, sign-off and extension decisions. A part whose digest is unchanged is left as
-- stored; a changed one is deleted and inserted again. A migration that changes these tables' rows
-- must delete the period's digests here, so that its parts are stored again.
CREATE TABLE stored_part (
    period VARCHAR(7)   NOT NULL,
    part   VARCHAR(200) NOT NULL,
    digest VARCHAR(64)  NOT NULL,
    PRIMARY KEY (period, part)
);

-- An exception's seq is its block's number (group and unit in ledger order) times 2^22 plus its
-- place in the block: the period's list is still read in report order, and a unit's block is
-- replaced without renumbering the others.
ALTER TABLE rule_exception ALTER COLUMN seq SET DATA TYPE BIGINT;

-- Each workbook of a period folder as its checks left it (io.rectify.reconcile.CheckedFiles), so
-- that a night whose period-wide inputs are unchanged takes an unchanged workbook's result instead
-- of reading it again. A workbook refused for a cause of the moment is not kept.
CREATE TABLE checked_file (
    period    VARCHAR(7)    NOT NULL,
    path      VARCHAR(1000) NOT NULL,   -- relative to the period folder
    file_key  VARCHAR(300)  NOT NULL,   -- size, SHA-256 and last-modified time as scanned
    inputs    VARCHAR(64)   NOT NULL,   -- the period-wide inputs it was checked with (nightly's fingerprint)
    checked   BLOB          NOT NULL,   -- the checked result, deflated
    PRIMARY KEY (period, path)
);

-- The unit outputs of the period's output folder as last written (io.rectify.report.ReportWriter):
-- per file, the digest of what the unit's outputs show and the file's SHA-256. A unit whose digest
-- is unchanged has its files taken over from the previous folder when they still have these hashes.
CREATE TABLE unit_output (
    period    VARCHAR(7)    NOT NULL,
    file      VARCHAR(1000) NOT NULL,   -- relative to the period's output folder
    unit_code VARCHAR(100)  NOT NULL,
    digest    VARCHAR(64)   NOT NULL,
    sha256    VARCHAR(64)   NOT NULL,
    PRIMARY KEY (period, file)
);
