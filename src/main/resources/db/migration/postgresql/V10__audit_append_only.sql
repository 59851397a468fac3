-- The audit log is append-only (docs/PORTAL.md): the database itself refuses to change or delete
-- one of its lines, whoever asks, with SQLSTATE 42501 as on H2.
CREATE FUNCTION audit_event_refuse() RETURNS TRIGGER AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: its lines cannot be updated or deleted' USING ERRCODE = '42501';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE PROCEDURE audit_event_refuse();

-- TRUNCATE fires no row trigger: a statement trigger refuses it.
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE PROCEDURE audit_event_refuse();

-- As on H2, where it is what keeps TRUNCATE away; here it only keeps the two schemas alike.
CREATE TABLE audit_event_guard (
    event_id BIGINT REFERENCES audit_event (id)
);
