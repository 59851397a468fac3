package io.rectify.ops;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.stereotype.Component;

/**
 * How every application context connects to its database: the URL and user of
 * {@code spring.datasource.*}, the password of the data folder ({@link DatabasePassword}), and H2's
 * server bound to the loopback interface ({@link DatabaseServer}). Spring Boot builds the data
 * source from this bean rather than from the properties, so a context started any way (the command
 * line, a test, the benchmark) opens its data folder's database with its password.
 */
@Component
class ProtectedDatabase implements JdbcConnectionDetails {

    private final DataSourceProperties properties;
    private final String password;

    ProtectedDatabase(DataSourceProperties properties, RectifyProperties rectify) {
        DatabaseServer.bindToLoopback();
        this.properties = properties;
        this.password = DatabasePassword.open(rectify.data(), properties.determineUrl());
    }

    @Override
    public String getUsername() {
        return properties.determineUsername();
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
