-- The audit log is append-only (docs/PORTAL.md): the database itself refuses to change or delete
-- one of its lines, whoever asks. io.rectify.audit.AppendOnlyTrigger raises SQLSTATE 42501.
CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event FOR EACH ROW
    CALL 'io.rectify.audit.AppendOnlyTrigger';

-- TRUNCATE TABLE fires no trigger, but H2 refuses to truncate a table that another one references:
-- this table stays empty and exists only for that.
CREATE TABLE audit_event_guard (
    event_id BIGINT REFERENCES audit_event (id)
);
