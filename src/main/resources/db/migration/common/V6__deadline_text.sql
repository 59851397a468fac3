-- A task's 完成时限 as the ledger writes it (2024年6月前, 2024年上半年, 立行立改, 长期坚持...), shown to
-- people as written; deadline stays the day it falls due (null for 长期坚持), which the rules use.
-- Tasks stored before keep what they showed: their date as yyyy-mm-dd, or 长期坚持.
ALTER TABLE task ADD COLUMN deadline_text VARCHAR(32767);
UPDATE task SET deadline_text = CASE WHEN long_term THEN '长期坚持' ELSE CAST(deadline AS VARCHAR) END;
ALTER TABLE task ALTER COLUMN deadline_text SET NOT NULL;
