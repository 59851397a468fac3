-- An incremental night deletes a changed unit's return_file rows; the delete cascades to the tables
-- that reference them. H2 indexes every foreign key itself; PostgreSQL does not, and would scan each
-- child table once per deleted file.
CREATE INDEX return_row_file ON return_row (file_id);
CREATE INDEX institution_file ON institution (file_id);
CREATE INDEX accountability_file ON accountability (file_id);
CREATE INDEX review_decision_file ON review_decision (file_id);
CREATE INDEX extension_request_file ON extension_request (file_id);
