import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;

/**
 * The floors printed by jobs/benchmark.sh beside trunkbill's own figures: what the same CDR files cost with nothing
 * but the library or the database doing the work. Run as a single-file source program with the jars trunkbill ships
 * (Commons CSV, H2, PostgreSQL JDBC) on the class path:
 *
 * <pre>
 * java -cp 'lib/*' jobs/benchmark/BenchmarkFloors.java csv DIR
 * java -cp 'lib/*' jobs/benchmark/BenchmarkFloors.java pg-copy JDBC_URL DIR
 * java -cp 'lib/*' jobs/benchmark/BenchmarkFloors.java h2-insert JDBC_URL DIR
 * java -cp 'lib/*' jobs/benchmark/BenchmarkFloors.java sql JDBC_URL STATEMENT
 * </pre>
 *
 * Each mode prints one line {@code rows=N seconds=S}, timed inside the JVM (start-up and compilation excluded).
 */
public class BenchmarkFloors {

    private static final int BATCH = 5_000;

    private static final String COLUMNS = "cdr_id varchar(64), call_id varchar(255), trunk_id varchar(64),"
            + " account_id varchar(64), data_center varchar(64), source varchar(32), direction varchar(16),"
            + " caller varchar(64), callee varchar(64), start_time timestamp with time zone,"
            + " answer_time timestamp with time zone, end_time timestamp with time zone, sip_status integer,"
            + " disconnect_reason varchar(64), codec varchar(32)";

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        long rows = switch (args[0]) {
            case "csv" -> parseOnly(Path.of(args[1]));
            case "pg-copy" -> postgresCopy(args[1], Path.of(args[2]));
            case "h2-insert" -> h2BatchInsert(args[1], Path.of(args[2]));
            case "sql" -> execute(args[1], args[2]);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("rows=%d seconds=%.3f%n", rows, seconds);
    }

    private static List<Path> cdrFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
    }

    private static CSVParser parser(Reader reader) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
    }

    /** Commons CSV reads every record and every field is touched; nothing else. */
    private static long parseOnly(Path dir) throws IOException {
        long rows = 0;
        long chars = 0;
        for (Path file : cdrFiles(dir)) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser csv = parser(reader)) {
                for (CSVRecord record : csv) {
                    for (int i = 0; i < record.size(); i++) {
                        chars += record.get(i).length();
                    }
                    rows++;
                }
            }
        }
        if (chars == 0 && rows > 0) {
            throw new IllegalStateException("no field read");
        }
        return rows;
    }

    /** COPY ... FROM STDIN (CSV) of the files as they are into an UNLOGGED table with no index. */
    private static long postgresCopy(String url, Path dir) throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS floor_cdr");
                statement.execute("CREATE UNLOGGED TABLE floor_cdr (" + COLUMNS + ")");
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            for (Path file : cdrFiles(dir)) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    rows += copy.copyIn("COPY floor_cdr FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
                }
            }
            return rows;
        }
    }

    /**
     * JDBC batches of 5,000 rows, one commit per batch, into a table with a sequential BIGINT primary key and no other
     * index; the rows are parsed with Commons CSV and their instants with java.time.
     */
    private static long h2BatchInsert(String url, Path dir) throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS floor_cdr");
                statement.execute("CREATE TABLE floor_cdr (id bigint PRIMARY KEY, " + COLUMNS + ")");
            }
            connection.setAutoCommit(false);
            long rows = 0;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO floor_cdr VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Path file : cdrFiles(dir)) {
                    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                         CSVParser csv = parser(reader)) {
                        for (CSVRecord record : csv) {
                            insert.setLong(1, ++rows);
                            for (int i = 0; i < 15; i++) {
                                String value = record.get(i);
                                int parameter = i + 2;
                                if (i >= 9 && i <= 11) {
                                    if (value.isEmpty()) {
                                        insert.setNull(parameter, Types.TIMESTAMP_WITH_TIMEZONE);
                                    } else {
                                        insert.setObject(parameter, OffsetDateTime.parse(value));
                                    }
                                } else if (i == 12) {
                                    insert.setInt(parameter, Integer.parseInt(value));
                                } else {
                                    insert.setString(parameter, value);
                                }
                            }
                            insert.addBatch();
                            if (rows % BATCH == 0) {
                                insert.executeBatch();
                                connection.commit();
                            }
                        }
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            return rows;
        }
    }

    private static long execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return 0;
        }
    }
}
