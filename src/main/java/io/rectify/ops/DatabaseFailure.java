package io.rectify.ops;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.api.ErrorCode;

/** The known reasons a command could not open its database, each said in one line with what to do. */
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
        }
        return Optional.empty();
    }
}
