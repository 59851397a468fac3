package io.rectify.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The database's own refusal to change or delete a line of audit_event (V10): the log stays
 * append-only whatever program or statement tries, not only because Rectify never asks.
 */
public final class AppendOnlyTrigger implements Trigger {

    /** SQLSTATE 42501: insufficient privilege. */
    static final String REFUSED = "42501";

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only: its lines cannot be updated or deleted", REFUSED);
    }
}
