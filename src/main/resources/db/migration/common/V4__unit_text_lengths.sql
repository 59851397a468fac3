-- Every column that holds text a unit typed into a cell takes a whole cell: up to 32,767
-- characters, Excel's limit (the reader refuses longer cells as file-unreadable). A return's path
-- takes what a file system allows. Narrower columns made a single long cell fail the whole nightly
-- run (docs/RELIABILITY.md). Sheet names stay short: the reader refuses names over Excel's 31.
ALTER TABLE return_file ALTER COLUMN path SET DATA TYPE VARCHAR(32767);
ALTER TABLE return_file ALTER COLUMN reporter SET DATA TYPE VARCHAR(32767);
ALTER TABLE return_file ALTER COLUMN phone SET DATA TYPE VARCHAR(32767);
ALTER TABLE return_file ALTER COLUMN ledger_marker SET DATA TYPE VARCHAR(32767);
ALTER TABLE institution ALTER COLUMN name SET DATA TYPE VARCHAR(32767);
ALTER TABLE institution ALTER COLUMN doc_no SET DATA TYPE VARCHAR(32767);
ALTER TABLE institution ALTER COLUMN task_ref SET DATA TYPE VARCHAR(32767);
ALTER TABLE institution ALTER COLUMN doc_key SET DATA TYPE VARCHAR(32767);
ALTER TABLE institution ALTER COLUMN name_key SET DATA TYPE VARCHAR(32767);
ALTER TABLE accountability ALTER COLUMN problem_ref SET DATA TYPE VARCHAR(32767);
ALTER TABLE accountability ALTER COLUMN note SET DATA TYPE VARCHAR(32767);
ALTER TABLE rule_exception ALTER COLUMN file SET DATA TYPE VARCHAR(32767);
