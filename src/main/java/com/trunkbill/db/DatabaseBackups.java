package com.trunkbill.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * The safety net of the embedded database: before each {@code nightly} and each {@code invoice --finalize}, an
 * online backup of the H2 file ({@code BACKUP TO}) into {@code trunkbill.backup.dir} (default: a {@code backups}
 * folder beside the database file), keeping the newest {@code trunkbill.backup.keep} (default 3). A corrupted file
 * then costs one night, not the billing history. PostgreSQL is backed up by its own tools (pg_dump), never here.
 */
@Component
public class DatabaseBackups {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    static final String PREFIX = "trunkbill-";

    private final DataSource dataSource;
    private final String configuredDir;
    private final int keep;
    private final Clock clock;

    @Autowired
    public DatabaseBackups(DataSource dataSource, @Value("${trunkbill.backup.dir:}") String configuredDir,
                           @Value("${trunkbill.backup.keep:3}") int keep) {
        this(dataSource, configuredDir, keep, Clock.systemUTC());
    }

    DatabaseBackups(DataSource dataSource, String configuredDir, int keep, Clock clock) {
        this.dataSource = dataSource;
        this.configuredDir = configuredDir;
        this.keep = keep;
        this.clock = clock;
    }

    /** Whether launching {@code jobName} with these parameters calls for a backup first. */
    public static boolean wanted(String jobName, JobParameters parameters) {
        return jobName.equals("nightlyJob")
                || jobName.equals("invoicingJob") && "true".equals(parameters.getString("finalize"));
    }

    /** Backs up the H2 file database before {@code jobName}; does nothing on other databases or when keep is 0. */
    public void beforeLaunch(String jobName, JobParameters parameters) {
        if (keep > 0 && wanted(jobName, parameters)) {
            backUp(jobName).ifPresent(file -> log.info("backed up the database to {} before {}", file, jobName));
        }
    }

    /** Takes one backup now; empty when the database is not an H2 file database. */
    public java.util.Optional<Path> backUp(String label) {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName()) || !DataSourceSafety.isH2File(url)) {
                return java.util.Optional.empty();
            }
            Path dir = configuredDir.isBlank() ? defaultDir(url) : Path.of(configuredDir);
            Files.createDirectories(dir);
            Path file = dir.resolve(PREFIX + STAMP.format(clock.instant()) + "-" + label + ".zip").toAbsolutePath();
            try (Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            }
            pruneOldBackups(dir);
            return java.util.Optional.of(file);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot back up the database before " + label + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot back up the database before " + label + ": " + e.getMessage(), e);
        }
    }

    /** {@code jdbc:h2:file:./data/trunkbill;...} -> {@code ./data/backups}. */
    static Path defaultDir(String url) {
        String path = url.substring("jdbc:h2:".length());
        int semicolon = path.indexOf(';');
        if (semicolon >= 0) {
            path = path.substring(0, semicolon);
        }
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        Path parent = Path.of(path).toAbsolutePath().normalize().getParent();
        return parent.resolve("backups");
    }

    private void pruneOldBackups(Path dir) throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(dir)) {
            backups = files.filter(file -> file.getFileName().toString().startsWith(PREFIX)
                            && file.getFileName().toString().endsWith(".zip"))
                    .sorted().toList();
        }
        for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
            Files.deleteIfExists(old);
        }
    }
}
