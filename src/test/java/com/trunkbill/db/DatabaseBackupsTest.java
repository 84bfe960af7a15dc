package com.trunkbill.db;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseBackupsTest {

    @TempDir
    Path dir;

    @Test
    void nightlyAndFinalizeAreBackedUpDraftsAreNot() {
        assertThat(DatabaseBackups.wanted("nightlyJob", new JobParametersBuilder().toJobParameters())).isTrue();
        assertThat(DatabaseBackups.wanted("invoicingJob",
                new JobParametersBuilder().addString("finalize", "true").toJobParameters())).isTrue();
        assertThat(DatabaseBackups.wanted("invoicingJob",
                new JobParametersBuilder().addString("period", "2026-10").toJobParameters())).isFalse();
        assertThat(DatabaseBackups.wanted("ratingJob", new JobParametersBuilder().toJobParameters())).isFalse();
    }

    @Test
    void theDefaultFolderIsBesideTheDatabaseFile() {
        assertThat(DatabaseBackups.defaultDir("jdbc:h2:file:/srv/tb/data/trunkbill;WRITE_DELAY=0"))
                .isEqualTo(Path.of("/srv/tb/data/backups"));
    }

    @Test
    void keepsTheNewestBackupsAndOneRestoresByUnzipping() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("data/trunkbill") + ";WRITE_DELAY=0");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table invoice (invoice_number varchar(20))");
            statement.execute("insert into invoice values ('INV-202610-000001')");
            for (int second = 0; second < 5; second++) {
                Clock clock = Clock.fixed(Instant.parse("2026-11-01T02:00:00Z").plusSeconds(second), ZoneOffset.UTC);
                new DatabaseBackups(h2, "", 3, clock).backUp("nightlyJob");
            }
        }

        assertThat(listBackups(dir.resolve("data/backups"))).containsExactly(
                "trunkbill-20261101-020002-000-nightlyJob.zip",
                "trunkbill-20261101-020003-000-nightlyJob.zip",
                "trunkbill-20261101-020004-000-nightlyJob.zip");

        // restore (docs/reliability.md): unzip the backup into an empty folder and open it there
        Path restored = dir.resolve("restored");
        unzip(dir.resolve("data/backups/trunkbill-20261101-020004-000-nightlyJob.zip"), restored);
        assertThat(restored.resolve("trunkbill.mv.db")).exists();
        JdbcDataSource copy = new JdbcDataSource();
        copy.setURL("jdbc:h2:file:" + restored.resolve("trunkbill"));
        assertThat(singleValue(copy, "select invoice_number from invoice")).isEqualTo("INV-202610-000001");
    }

    private static List<String> listBackups(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                try (InputStream content = entries) {
                    Files.copy(content, into.resolve(entry.getName()));
                }
                break; // one database file per backup
            }
        }
    }

    private static String singleValue(JdbcDataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
