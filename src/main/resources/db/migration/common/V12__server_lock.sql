-- The one-writer lock when the database is a server (io.rectify.ops.ServerLock): the table of Spring
-- Integration's JdbcLockRegistry (its INT_LOCK schema, names unquoted so that H2 and PostgreSQL both
-- find it), with client_id wider than the UUID the schema expects, since it names the holder (host,
-- process id, command). Unused with H2, whose data folder's file lock already keeps one writer.
CREATE TABLE int_lock (
    lock_key      CHAR(36)     NOT NULL,
    region        VARCHAR(100) NOT NULL,
    client_id     VARCHAR(200),
    created_date  TIMESTAMP    NOT NULL,
    expired_after TIMESTAMP    NOT NULL,
    CONSTRAINT int_lock_pk PRIMARY KEY (lock_key, region)
);
