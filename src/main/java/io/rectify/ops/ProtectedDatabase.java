package io.rectify.ops;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.stereotype.Component;

/**
 * How every application context connects to its database: the URL and user of
 * {@code spring.datasource.*}; for the embedded H2 file, the password of the data folder
 * ({@link DatabasePassword}) and H2's server bound to the loopback interface ({@link DatabaseServer});
 * for a database server, the password of {@code spring.datasource.password}, as given. Spring Boot
 * builds the data source from this bean rather than from the properties, so a context started any way
 * (the command line, a test, the benchmark) opens its data folder's database with its password.
 */
@Component
class ProtectedDatabase implements JdbcConnectionDetails {

    private final DataSourceProperties properties;
    private final DatabaseKind kind;
    private final String password;

    ProtectedDatabase(DataSourceProperties properties, RectifyProperties rectify) {
        this.properties = properties;
        this.kind = DatabaseKind.of(properties.determineUrl());
        if (kind == DatabaseKind.H2) {
            DatabaseServer.bindToLoopback();
            this.password = DatabasePassword.open(rectify.data(), properties.determineUrl());
        } else {
            this.password = properties.determinePassword();
        }
    }

    @Override
    public String getUsername() {
        String given = properties.determineUsername();
        return kind == DatabaseKind.H2 && given == null ? DatabasePassword.USER : given;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getJdbcUrl() {
        return properties.determineUrl();
    }

    @Override
    public String getDriverClassName() {
        return properties.determineDriverClassName();
    }
}
