package com.trunkbill.db;

import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Flyway placeholders whose value depends on the database, so that one migration file serves H2 and PostgreSQL.
 * {@code ${exact_decimal}}: an exact decimal of unlimited scale (SPEC §3, "any scale"): PostgreSQL's
 * {@code NUMERIC} without precision; on H2 {@code DECFLOAT}, because H2's {@code NUMERIC} without a scale has
 * scale 0 and would drop the fraction. {@code ${postgresql_only}} and {@code ${h2_only}}: empty on that database, the
 * start of a line comment on the other, so that a statement runs on one database only.
 */
@Configuration(proxyBeanMethods = false)
public class FlywayPlaceholders {

    static final String EXACT_DECIMAL = "exact_decimal";
    static final String POSTGRESQL_ONLY = "postgresql_only";
    static final String H2_ONLY = "h2_only";

    @Bean
    FlywayConfigurationCustomizer trunkbillFlywayPlaceholders() {
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.putAll(forDatabase(productName(configuration.getDataSource())));
            configuration.placeholders(placeholders);
        };
    }

    /** The placeholders' values on the database whose JDBC product name is given. */
    static Map<String, String> forDatabase(String databaseProductName) {
        boolean h2 = databaseProductName.toLowerCase(Locale.ROOT).contains("h2");
        return Map.of(EXACT_DECIMAL, h2 ? "DECFLOAT" : "NUMERIC", POSTGRESQL_ONLY, h2 ? "-- not on H2: " : "",
                H2_ONLY, h2 ? "" : "-- not on PostgreSQL: ");
    }

    private static String productName(javax.sql.DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new FlywayException("cannot tell which database the migrations run on: " + e.getMessage(), e);
        }
    }
}
