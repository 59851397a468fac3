package io.rectify.ops;

/**
 * Where the database lives, as its JDBC URL ({@code spring.datasource.url}) says: the embedded H2 file
 * in the data folder (the default), or a database server (PostgreSQL, README "Running on
 * PostgreSQL"). What only an H2 file has (its password file, its loopback server, {@code BACKUP TO})
 * applies to {@link #H2} alone; a server's user, password, durability and backups are its own.
 */
public enum DatabaseKind {
    H2,
    SERVER;

    public static DatabaseKind of(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:") ? H2 : SERVER;
    }
}
