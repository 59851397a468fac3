package io.rectify.ops;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.api.ErrorCode;

/**
 * The known reasons a command could not open its database, each said in one line with what to do: the
 * H2 file's (open in another program, a password that does not fit), and a database server's (not
 * reachable, a login refused, no such database).
 */
public final class DatabaseFailure {

    private DatabaseFailure() {
    }

    /** What to tell the office about {@code failure}, when its reason is known. */
    public static Optional<String> explain(Throwable failure, Path data) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabasePassword.Unusable unusable) {
                return Optional.of(unusable.getMessage());
            }
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return Optional.of("the database in " + data.resolve("db")
                        + " is open in another program (H2: \"Database may be already in use\"), so this command did not start. "
                        + "Close that program (an H2 console, or Rectify run as another user) and run the command again.");
            }
            if (t instanceof SQLException sql && DatabasePassword.refused(sql)) {
                return Optional.of("the database in " + data.resolve("db") + " does not accept the password in "
                        + DatabasePassword.file(data) + ": that file was replaced, or the database comes from elsewhere. "
                        + "Put back the file that belongs to this database, or restore a backup (restore --from=...).");
            }
            if (t instanceof SQLException sql && serverSaid(sql).isPresent()) {
                return serverSaid(sql);
            }
        }
        return Optional.empty();
    }

    /** A database server's refusal to connect (SQLSTATE classes 08 and 28, and 3D000), said with the settings to check. */
    private static Optional<String> serverSaid(SQLException sql) {
        String state = Optional.ofNullable(sql.getSQLState()).orElse("");
        if (state.startsWith("08")) {
            return Optional.of("the database server cannot be reached (" + sql.getMessage() + "). Check that it runs and that "
                    + "SPRING_DATASOURCE_URL (spring.datasource.url) names its host, port and database, then run the command again.");
        }
        if (state.startsWith("28")) {
            return Optional.of("the database server refused the login (" + sql.getMessage() + "). Check SPRING_DATASOURCE_USERNAME "
                    + "and SPRING_DATASOURCE_PASSWORD (spring.datasource.username, .password), then run the command again.");
        }
        if (state.equals("3D000")) {
            return Optional.of("the database server has no such database (" + sql.getMessage() + "). Create it as README "
                    + "\"Running on PostgreSQL\" says, or correct SPRING_DATASOURCE_URL, then run the command again.");
        }
        return Optional.empty();
    }
}
