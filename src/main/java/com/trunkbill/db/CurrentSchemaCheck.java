package com.trunkbill.db;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Whether the database's schema is already at the latest version, told cheaply: every migration Flyway would find
 * (versioned SQL files and Java migrations of the configured {@code classpath:} locations) is in the schema
 * history table as applied successfully, with the same version, description and checksum, and the table holds
 * nothing else. Anything this check does not fully understand (no history table, a failed or baseline row, a
 * repeatable migration, a non-classpath location, an explicit schema or target) answers "not current", so that
 * Flyway's own migrate, with its validation, decides as before.
 */
final class CurrentSchemaCheck {

    private final Configuration configuration;

    CurrentSchemaCheck(Configuration configuration) {
        this.configuration = configuration;
    }

    boolean isCurrent() {
        if (configuration.getSchemas().length > 0 || configuration.getDefaultSchema() != null
                || !(configuration.getTarget() == null || configuration.getTarget() == MigrationVersion.LATEST)) {
            return false;
        }
        Set<AppliedMigration> available = availableMigrations();
        return available != null && !available.isEmpty() && available.equals(appliedMigrations());
    }

    /** One migration as the history table records it. */
    record AppliedMigration(MigrationVersion version, String description, Integer checksum) {
    }

    /** The migrations Flyway would find, or null when one of them is of a kind this check leaves to Flyway. */
    Set<AppliedMigration> availableMigrations() {
        Set<AppliedMigration> migrations = new HashSet<>();
        PathMatchingResourcePatternResolver resolver =
                new PathMatchingResourcePatternResolver(configuration.getClassLoader());
        try {
            for (Location location : configuration.getLocations()) {
                if (!location.isClassPath()) {
                    return null;
                }
                String root = location.getRootPath();
                for (Resource resource : resolver.getResources("classpath*:" + root + "/**/*")) {
                    String url = URLDecoder.decode(resource.getURL().toString(), StandardCharsets.UTF_8);
                    int at = url.lastIndexOf(root + "/");
                    String relative = at < 0 ? resource.getFilename() : url.substring(at + root.length() + 1);
                    if (relative == null || relative.isEmpty() || relative.endsWith("/")) {
                        continue;
                    }
                    String name = relative.substring(relative.lastIndexOf('/') + 1);
                    if (name.startsWith(configuration.getRepeatableSqlMigrationPrefix())
                            && name.contains(configuration.getSqlMigrationSeparator())) {
                        return null;
                    }
                    if (name.endsWith(".class")) {
                        if (!name.contains("$") && name.startsWith(configuration.getSqlMigrationPrefix())) {
                            JavaMigration migration = javaMigration(root.replace('/', '.') + "."
                                    + relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
                            if (migration == null) {
                                return null;
                            }
                            migrations.add(applied(migration));
                        }
                    } else if (isSqlMigration(name)) {
                        migrations.add(sqlMigration(name, resource));
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        for (JavaMigration migration : configuration.getJavaMigrations()) {
            migrations.add(applied(migration));
        }
        return migrations;
    }

    private boolean isSqlMigration(String name) {
        if (!name.startsWith(configuration.getSqlMigrationPrefix())
                || !name.contains(configuration.getSqlMigrationSeparator())) {
            return false;
        }
        for (String suffix : configuration.getSqlMigrationSuffixes()) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private AppliedMigration sqlMigration(String name, Resource resource) throws IOException {
        String suffix = "";
        for (String candidate : configuration.getSqlMigrationSuffixes()) {
            if (name.endsWith(candidate)) {
                suffix = candidate;
            }
        }
        String withoutSuffix = name.substring(configuration.getSqlMigrationPrefix().length(),
                name.length() - suffix.length());
        int separator = withoutSuffix.indexOf(configuration.getSqlMigrationSeparator());
        String version = withoutSuffix.substring(0, separator).replace('_', '.');
        String description = withoutSuffix.substring(separator + configuration.getSqlMigrationSeparator().length())
                .replace('_', ' ');
        return new AppliedMigration(MigrationVersion.fromVersion(version), description, checksum(resource));
    }

    /**
     * Flyway's checksum of a SQL migration: CRC32 over the UTF-8 bytes of each line without its line break, a
     * leading byte order mark removed (Flyway's ChecksumCalculator; a test checks both agree).
     */
    int checksum(Resource resource) throws IOException {
        CRC32 crc32 = new CRC32();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource.getInputStream(),
                configuration.getEncoding()))) {
            String line = reader.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            while (line != null) {
                crc32.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        }
        return (int) crc32.getValue();
    }

    private JavaMigration javaMigration(String className) {
        try {
            Class<?> type = Class.forName(className, false, configuration.getClassLoader());
            if (!JavaMigration.class.isAssignableFrom(type) || type.isInterface()
                    || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                return null;
            }
            return (JavaMigration) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static AppliedMigration applied(JavaMigration migration) {
        return new AppliedMigration(migration.getVersion(), migration.getDescription(), migration.getChecksum());
    }

    /**
     * What the history table records; empty when a row is failed, not versioned or of another type than SQL and
     * JDBC (a baseline, a repeatable or an undo migration), apart from Flyway's markers of what it created.
     */
    Set<AppliedMigration> appliedMigrations() {
        Set<AppliedMigration> applied = new HashSet<>();
        String table = configuration.getTable().replace("\"", "");
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select \"version\", \"description\", \"type\", \"checksum\", "
                     + "\"success\" from \"" + table + "\"")) {
            while (rows.next()) {
                String version = rows.getString(1);
                String type = rows.getString(3);
                int checksum = rows.getInt(4);
                Integer recorded = rows.wasNull() ? null : checksum;
                if (version == null && (Objects.equals(type, "TABLE") || Objects.equals(type, "SCHEMA"))) {
                    continue; // Flyway's own markers: it created the history table or the schema
                }
                if (version == null || !rows.getBoolean(5) || !(Objects.equals(type, "SQL")
                        || Objects.equals(type, "JDBC"))) {
                    return Set.of();
                }
                applied.add(new AppliedMigration(MigrationVersion.fromVersion(version), rows.getString(2), recorded));
            }
        } catch (SQLException e) {
            return Set.of(); // no history table yet: a fresh database
        }
        return applied;
    }
}
