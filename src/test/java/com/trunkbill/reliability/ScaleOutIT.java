package com.trunkbill.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote partitioning with real processes: an Artemis broker in this JVM with a TCP acceptor, an embedded
 * PostgreSQL, the manager ({@code rate --partitions 4 --broker ...}) and worker JVMs ({@code trunkbill worker})
 * started from the built jar. The sample month is imported once; each scenario rates a copy of that database, and
 * its rated CDRs, invoices, invoice lines and reconciliation reports must equal those of a single-process run.
 * The same month in five files imported with {@code import-cdrs --partitions 2 --broker ...} gives what a
 * single-process import gives.
 */
class ScaleOutIT {

    private static final Path PROJECT = Path.of(".").toAbsolutePath().normalize();
    private static final Path JAR = PROJECT.resolve("target/trunkbill.jar");
    private static final String PERIOD = "2026-10";
    private static final int PARTITION_TIMEOUT_SECONDS = 45;
    /** The manager gives up on unfinished partitions after this (the workers are the same for every run). */
    private static final Map<String, String> MANAGER_ENVIRONMENT = Map.of(
            "TRUNKBILL_BROKER_PARTITION_TIMEOUT", PARTITION_TIMEOUT_SECONDS + "s",
            "TRUNKBILL_BROKER_POLL_INTERVAL", "500ms");

    @TempDir
    static Path work;

    private static EmbeddedPostgres postgres;
    private static Outcome singleProcess;

    private final List<ChildRun> workers = new ArrayList<>();
    private EmbeddedActiveMQ broker;
    private int brokerPort;

    @BeforeAll
    static void importTheSampleMonthAndRateItInOneProcess() throws Exception {
        postgres = EmbeddedPostgres.builder().setPort(freePort()).start();
        createDatabase("reference", null);
        run("reference", "import-inventory", "--dir", PROJECT.resolve("sample-cdrs/inventory").toString(),
                "--as-of", "2026-11-01T00:00:00Z");
        run("reference", "import-rates", "--dir", PROJECT.resolve("rate-tables").toString());
        createDatabase("base", "reference");
        // stored unrated (the two-step path), so that the rating under test does all the work
        run("base", "import-cdrs", "--dir", PROJECT.resolve("sample-cdrs").toString(), "--no-rating");
        createDatabase("single", "base");
        run("single", "rate");
        singleProcess = invoiceAndReport("single");
        assertThat(singleProcess.ratedCdrs()).hasSizeGreaterThan(19_000);
        assertThat(singleProcess.invoices()).isNotEmpty();
        assertThat(singleProcess.reconciliation()).isNotEmpty();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void stopWorkersAndBroker() throws Exception {
        for (ChildRun worker : workers) {
            if (worker.isAlive()) {
                worker.kill();
            }
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void twoWorkerJvmsRateTheMonthAsOneProcessDoesAndStopCleanlyOnSigterm() throws Exception {
        startBroker(freePort());
        String db = copyOfTheImportedMonth("remote");
        ChildRun a = startWorker(db, "worker-a");
        ChildRun b = startWorker(db, "worker-b");

        ChildRun rate = rateRemotely(db);
        assertThat(rate.waitForExit(600)).as("%s", rate.lines()).isZero();
        // the manager prints its partitions as the workers ended them, not as it created them (STARTING)
        assertThat(rate.lines().stream().filter(line -> line.trim().startsWith("rateCdrsStep:partition")))
                .hasSize(4).allMatch(line -> line.contains(" COMPLETED "));

        assertThat(invoiceAndReport(db)).isEqualTo(singleProcess);
        assertThat(oneCurrentRatingPerCdr(db)).isTrue();
        Map<String, String> partitions = partitionWorkers(db, "rateCdrsStep");
        assertThat(partitions).hasSize(4);
        assertThat(new TreeSet<>(partitions.values())).as("both workers did work: %s", partitions)
                .containsExactly("worker-a", "worker-b");

        a.terminate();
        b.terminate();
        assertThat(a.waitForExit(60)).as("%s", a.lines()).isZero();
        assertThat(b.waitForExit(60)).as("%s", b.lines()).isZero();
    }

    @Test
    void aWorkerKilledInThePartitionLeavesTheJobFailedAndARestartCompletesItIdentically() throws Exception {
        startBroker(freePort());
        String db = copyOfTheImportedMonth("killed");
        ChildRun doomed = startWorker(db, "worker-doomed");

        ChildRun rate = rateRemotely(db);
        assertThat(doomed.waitForLines(line -> line.contains("rate rows loaded"), 1, 300_000))
                .as("%s", doomed.lines()).isTrue();
        doomed.kill(); // SIGKILL inside its first partition: its transaction rolls back, its request goes back
        // nobody is left to run the partitions: the manager fails them after the timeout instead of hanging
        assertThat(rate.waitForExit(PARTITION_TIMEOUT_SECONDS + 120)).as("%s", rate.lines()).isEqualTo(1);
        assertThat(rate.lastLine()).contains("FAILED");

        // the requests of the failed execution are still queued: the new worker skips them, then runs the restart's
        ChildRun successor = startWorker(db, "worker-successor");
        ChildRun restart = rateRemotely(db);
        assertThat(restart.waitForExit(600)).as("%s", restart.lines()).isZero();
        assertThat(restart.lines()).anyMatch(line -> line.contains("ratingJob COMPLETED (restarted)"));
        assertThat(successor.lines()).anyMatch(line -> line.contains("skipping rateCdrsStep:partition"));

        assertThat(oneCurrentRatingPerCdr(db)).isTrue();
        assertThat(invoiceAndReport(db)).isEqualTo(singleProcess);
    }

    @Test
    void aLostBrokerFailsTheJobWithinTheTimeoutAndARestartAfterItIsBackCompletes() throws Exception {
        int port = freePort();
        startBroker(port);
        String db = copyOfTheImportedMonth("brokerloss");
        startWorker(db, "worker-a");
        startWorker(db, "worker-b");

        ChildRun rate = rateRemotely(db);
        assertThat(workers.get(0).waitForLines(line -> line.contains("worker worker-a: running"), 1, 300_000))
                .isTrue();
        broker.stop();
        broker = null;
        long stopped = System.nanoTime();
        assertThat(rate.waitForExit(PARTITION_TIMEOUT_SECONDS + 120)).as("%s", rate.lines()).isEqualTo(1);
        long failedAfterSeconds = (System.nanoTime() - stopped) / 1_000_000_000L;
        assertThat(failedAfterSeconds).isLessThanOrEqualTo(PARTITION_TIMEOUT_SECONDS + 30);
        // lost while the manager still sends: it fails at once; lost after: the unsent partitions time out
        assertThat(rate.lastLine()).startsWith("trunkbill rate: ratingJob FAILED: rateCdrsStep: ")
                .containsAnyOf("not ended by a worker within trunkbill.broker.partition-timeout",
                        "cannot send the partitions to the broker " + brokerUrl());

        startBroker(port); // the workers reconnect by themselves
        ChildRun restart = rateRemotely(db);
        assertThat(restart.waitForExit(600)).as("%s", restart.lines()).isZero();
        assertThat(oneCurrentRatingPerCdr(db)).isTrue();
        assertThat(invoiceAndReport(db)).isEqualTo(singleProcess);
    }

    @Test
    void twoWorkerJvmsImportTheMonthInTwoPartitionsAsOneProcessDoes() throws Exception {
        Path cdrs = sampleMonthInFiveFiles();
        createDatabase("ingestsingle", "reference");
        run("ingestsingle", "import-cdrs", "--dir", cdrs.toString());
        Outcome single = invoiceAndReport("ingestsingle");
        List<String> singleFiles = cdrFiles("ingestsingle");
        startBroker(freePort());
        createDatabase("ingestremote", "reference");
        startWorker("ingestremote", "worker-a");
        startWorker("ingestremote", "worker-b");

        List<String> arguments = new ArrayList<>(List.of("import-cdrs", "--dir", cdrs.toString(), "--partitions", "2",
                "--broker", brokerUrl()));
        arguments.addAll(databaseArguments("ingestremote"));
        ChildRun manager = ChildRun.start(JAR, work, arguments, Map.of("TRUNKBILL_BROKER_POLL_INTERVAL", "500ms"),
                work.resolve("ingestremote-import.log"));
        assertThat(manager.waitForExit(600)).as("%s", manager.lines()).isZero();

        assertThat(manager.lines()).anyMatch(line -> line.startsWith("total: read 20,000"));
        assertThat(manager.lines().stream().filter(line -> line.trim().startsWith("ingestCdrPartitionsStep:partition")
                && line.contains(" read "))).hasSize(2).allMatch(line -> line.contains(" COMPLETED "));
        assertThat(cdrFiles("ingestremote")).isEqualTo(singleFiles).hasSize(5);
        assertThat(invoiceAndReport("ingestremote")).isEqualTo(single);
        Map<String, String> partitions = partitionWorkers("ingestremote", "ingestCdrPartitionsStep");
        assertThat(partitions).hasSize(2);
        assertThat(new TreeSet<>(partitions.values())).as("both workers did work: %s", partitions)
                .containsExactly("worker-a", "worker-b");
    }

    /** The sample month's 20,000 rows in five files of 4,000. */
    private static Path sampleMonthInFiveFiles() throws IOException {
        Path dir = Files.createDirectories(work.resolve("cdrs-in-five"));
        List<String> lines = Files.readAllLines(PROJECT.resolve("sample-cdrs/cdrs-2026-10-01.csv"));
        for (int file = 0; file < 5; file++) {
            List<String> content = new ArrayList<>(List.of(lines.get(0)));
            content.addAll(lines.subList(1 + file * 4_000, Math.min(lines.size(), 1 + (file + 1) * 4_000)));
            Files.write(dir.resolve("cdrs-" + file + ".csv"), content);
        }
        return dir;
    }

    private static List<String> cdrFiles(String db) throws SQLException {
        return rows(db, "select file_name, read_count, accepted, duplicates, unknown_trunk, account_mismatch,"
                + " no_trunk, duplicate_conflict, malformed from cdr_file order by file_name");
    }

    // ---- processes -----------------------------------------------------------------------------------------

    private void startBroker(int port) throws Exception {
        brokerPort = port;
        Path data = work.resolve("broker-" + port);
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large").toString())
                .addAcceptorConfiguration("tcp", "tcp://localhost:" + port));
        broker.start();
    }

    private String brokerUrl() {
        return "tcp://localhost:" + brokerPort;
    }

    private ChildRun startWorker(String db, String name) throws InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("worker", "--broker", brokerUrl(), "--name", name));
        arguments.addAll(databaseArguments(db));
        ChildRun worker = ChildRun.start(JAR, work, arguments, work.resolve(db + "-" + name + ".log"));
        workers.add(worker);
        assertThat(worker.waitForLines(line -> line.contains("worker " + name + ": taking partitions"), 1, 300_000))
                .as("%s", worker.lines()).isTrue();
        return worker;
    }

    private ChildRun rateRemotely(String db) {
        List<String> arguments = new ArrayList<>(List.of("rate", "--partitions", "4", "--broker", brokerUrl()));
        arguments.addAll(databaseArguments(db));
        return ChildRun.start(JAR, work, arguments, MANAGER_ENVIRONMENT, work.resolve(db + "-rate.log"));
    }

    private static void run(String db, String... command) throws InterruptedException {
        assertThat(runForExit(db, command)).isZero();
    }

    private static int runForExit(String db, String... command) throws InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(command));
        arguments.addAll(databaseArguments(db));
        ChildRun run = ChildRun.start(JAR, work, arguments, work.resolve(db + ".log"));
        int status = run.waitForExit(600);
        assertThat(status).as("%s", run.lines()).isIn(0, 3);
        return status;
    }

    private static List<String> databaseArguments(String db) {
        return List.of("--db", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + db, "--db-user", "postgres",
                "--db-password", "postgres", "--output-dir", work.resolve("out-" + db).toString());
    }

    // ---- outcomes ------------------------------------------------------------------------------------------

    /** What must not depend on where the partitions ran; money as PostgreSQL stores it, to the last digit. */
    record Outcome(int invoiceExit, List<String> ratedCdrs, List<String> cdrsWithoutRating, List<String> invoices,
                   List<String> invoiceLines, Map<String, String> reconciliation) {
    }

    private static Outcome invoiceAndReport(String db) throws Exception {
        int invoiceExit = runForExit(db, "invoice", "--period", PERIOD);
        run(db, "report", "--period", PERIOD);
        Map<String, String> reconciliation = new TreeMap<>();
        Path reports = work.resolve("out-" + db).resolve("reports").resolve(PERIOD);
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("reconciliation")).toList()) {
                reconciliation.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return new Outcome(invoiceExit,
                rows(db, "select cdr_id, status, category, destination, billed_s, cost, anomalies from rated_cdr"
                        + " where is_current order by cdr_id"),
                rows(db, "select c.cdr_id from cdr c where not exists (select 1 from rated_cdr r"
                        + " where r.cdr_id = c.cdr_id and r.is_current) order by c.cdr_id"),
                rows(db, "select invoice_id, invoice_number, account_id, period, currency, status, hold_reason,"
                        + " subtotal, tax_total, total, adjusts_invoice_id from invoice order by invoice_id"),
                rows(db, "select invoice_id, line_no, kind, trunk_id, trunk_name, category, destination, quantity,"
                        + " unit, unit_price, amount, currency, tax_code, jurisdiction, note, tax_base from invoice_line"
                        + " order by invoice_id, line_no"),
                reconciliation);
    }

    /**
     * No CDR has two current ratings (rated twice); none lost is the {@link Outcome}'s part: the same rated CDRs
     * and the same CDRs without a rating as the single-process run.
     */
    private static boolean oneCurrentRatingPerCdr(String db) throws SQLException {
        assertThat(rows(db, "select cdr_id from rated_cdr where is_current group by cdr_id having count(*) > 1"))
                .as("rated twice").isEmpty();
        return true;
    }

    /** The last COMPLETED step execution of each partition of a step and the worker named in its context. */
    private static Map<String, String> partitionWorkers(String db, String managerStep) throws Exception {
        Map<String, String> workers = new TreeMap<>();
        DefaultExecutionContextSerializer serializer = new DefaultExecutionContextSerializer();
        for (String row : rows(db, "select s.step_name, coalesce(c.serialized_context, c.short_context)"
                + " from batch_step_execution s join batch_step_execution_context c"
                + " on c.step_execution_id = s.step_execution_id"
                + " where s.step_name like '" + managerStep + ":partition%' and s.status = 'COMPLETED'"
                + " order by s.step_execution_id")) {
            String[] columns = row.split("\\|", 2);
            Map<String, Object> context = serializer.deserialize(
                    new ByteArrayInputStream(columns[1].getBytes(StandardCharsets.UTF_8)));
            workers.put(columns[0], String.valueOf(context.get("trunkbill.worker")));
        }
        return workers;
    }

    private static List<String> rows(String db, String sql) throws SQLException {
        try (Connection connection = connect(db)) {
            return CrashHarness.rows(connection, sql);
        }
    }

    // ---- databases -----------------------------------------------------------------------------------------

    private static String copyOfTheImportedMonth(String name) throws SQLException {
        createDatabase(name, "base");
        return name;
    }

    private static void createDatabase(String name, String template) throws SQLException {
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("create database " + name + (template == null ? "" : " template " + template));
        }
    }

    private static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + db,
                "postgres", "postgres");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
