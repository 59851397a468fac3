package io.rectify.bench;

import io.rectify.ops.DatabasePassword;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where a measured Rectify keeps its database: the H2 file in its data folder (the default), or a
 * database on a PostgreSQL server, given to the child process as Spring Boot's standard datasource
 * variables.
 *
 * @param url      the server database's JDBC URL, or null for the data folder's H2 file
 */
record Database(Path dataFolder, String url, String user, String password) {

    static Database h2(Path dataFolder) {
        return new Database(dataFolder, null, null, null);
    }

    boolean server() {
        return url != null;
    }

    /** What the child process gets added to its environment. */
    Map<String, String> environment() {
        return server() ? Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", user,
                "SPRING_DATASOURCE_PASSWORD", password) : Map.of();
    }

    /** A connection for reading Spring Batch's records, once the child has exited (H2: read-only). */
    Connection connect() throws SQLException {
        if (server()) {
            return DriverManager.getConnection(url, user, password);
        }
        // a baseline build from before database passwords has none
        String password = Files.exists(DatabasePassword.file(dataFolder)) ? DatabasePassword.current(dataFolder) : "";
        return DriverManager.getConnection("jdbc:h2:file:" + dataFolder.resolve("db").resolve("rectify")
                + ";ACCESS_MODE_DATA=r", DatabasePassword.USER, password);
    }
}
