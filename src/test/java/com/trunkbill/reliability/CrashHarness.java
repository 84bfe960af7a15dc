package com.trunkbill.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Kills trunkbill (SIGKILL, from the built jar in its own JVM) at random points of a billing flow, restarts each
 * killed command with the same parameters until it completes, and compares everything the flow produced with an
 * uninterrupted run on a fresh database of the same kind: the current rated CDRs, the invoices (numbers included),
 * every invoice and report CSV, the invoice HTML documents and the report page. After every kill the database must
 * open, and no transaction the killed process had committed may be missing.
 * <p>
 * Normalisation: the report page's "Generated &lt;instant&gt;" is replaced by a placeholder; PDFs are not compared
 * (openhtmltopdf stamps the creation time; the HTML they are rendered from is compared byte for byte); database ids
 * drawn from sequences (rating runs, rate table versions) are left out of the rated CDR comparison, since a killed
 * transaction on PostgreSQL consumes sequence values.
 */
final class CrashHarness {

    static final String PERIOD = "2026-10";
    private static final Pattern FINALIZED = Pattern.compile(".*\\bfinalized \\S+ as INV-.*");
    private static final Pattern GENERATED = Pattern.compile("Generated \\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");

    /** A billing flow: the commands an operator runs, in order. */
    enum Flow {
        NIGHTLY, COMMANDS;

        List<List<String>> commands(Path inventory, Path rates, Path cdrs) {
            List<String> finalize = List.of("invoice", "--period", PERIOD, "--finalize");
            List<String> report = List.of("report", "--period", PERIOD);
            if (this == NIGHTLY) {
                return List.of(List.of("nightly", "--date", "2026-10-31", "--inventory-dir", inventory.toString(),
                        "--rates-dir", rates.toString(), "--cdr-dir", cdrs.toString()), finalize, report);
            }
            return List.of(
                    List.of("import-inventory", "--dir", inventory.toString(), "--as-of", "2026-11-01T00:00:00Z"),
                    List.of("import-rates", "--dir", rates.toString()),
                    List.of("import-cdrs", "--dir", cdrs.toString()),
                    List.of("rate"),
                    List.of("invoice", "--period", PERIOD),
                    finalize, report);
        }
    }

    /** The figures of a harness run, per database. */
    static final class Figures {
        int scenarios;
        int killPoints;
        int killsDuringFinalize;
        int restarts;
        int identicalOutcomes;
        long rowsLost;
        long countedTwice;
        int unopenableDatabases;
        int committedTransactionsLost;
        int numberingGaps;
        final List<String> problems = new ArrayList<>();
        final Map<String, Integer> killsByCommand = new TreeMap<>();

        @Override
        public String toString() {
            return "scenarios " + scenarios + ", kill points " + killPoints + " (" + killsByCommand
                    + "; during finalization " + killsDuringFinalize + "), restarts " + restarts
                    + ", identical outcomes " + identicalOutcomes + "/" + scenarios + ", rows lost " + rowsLost
                    + ", counted twice " + countedTwice + ", unopenable databases " + unopenableDatabases
                    + ", committed transactions lost " + committedTransactionsLost + ", numbering gaps "
                    + numberingGaps + (problems.isEmpty() ? "" : ", problems " + problems);
        }
    }

    private record Baseline(Map<String, String> outcome, Map<Integer, Long> durations, int finalizedCount,
                            long cdrCount) {
    }

    private final Path jar;
    private final Path work;
    private final Path inventory;
    private final Path rates;
    private final CrashDatabase database;
    private final Random random;
    private final Path cdrs;
    private final Map<Flow, Baseline> baselines = new TreeMap<>();

    CrashHarness(Path projectDir, Path work, CrashDatabase database, long seed, int cdrCount)
            throws IOException, InterruptedException {
        this.jar = projectDir.resolve("target/trunkbill.jar").toAbsolutePath();
        this.work = work.toAbsolutePath();
        this.inventory = projectDir.resolve("sample-cdrs/inventory").toAbsolutePath();
        this.rates = projectDir.resolve("rate-tables").toAbsolutePath();
        this.database = database;
        this.random = new Random(seed);
        this.cdrs = this.work.resolve("cdrs");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw package)");
        }
        Files.createDirectories(this.work);
        if (!Files.isDirectory(cdrs)) {
            ChildRun generate = ChildRun.start(jar, this.work, List.of("generate-cdrs", "--count",
                    String.valueOf(cdrCount), "--seed", String.valueOf(seed), "--month", PERIOD, "--out",
                    cdrs.toString(), "--inventory", inventory.toString()), this.work.resolve("generate.log"));
            if (generate.waitForExit(300) != 0) {
                throw new IllegalStateException("generate-cdrs failed: " + generate.lines());
            }
        }
    }

    /** Runs scenarios of {@code killsPerScenario} kills until {@code killPoints} kills happened. */
    Figures run(int killPoints, int killsPerScenario, List<Flow> flows) throws Exception {
        Figures figures = new Figures();
        int scenario = 0;
        int maxScenarios = 4 + 3 * killPoints / Math.max(1, killsPerScenario);
        while (figures.killPoints < killPoints && scenario < maxScenarios) {
            Flow flow = flows.get(scenario % flows.size());
            int kills = Math.min(killsPerScenario, killPoints - figures.killPoints);
            scenario(flow, "s" + scenario, kills, figures);
            scenario++;
            System.out.println("[crash " + database.name() + "] after scenario " + scenario + ": " + figures);
        }
        return figures;
    }

    private Baseline baseline(Flow flow) throws Exception {
        Baseline known = baselines.get(flow);
        if (known != null) {
            return known;
        }
        String name = "baseline_" + flow.name().toLowerCase();
        Path dir = work.resolve(name);
        List<String> dbOptions = database.create(name, dir);
        Map<Integer, Long> durations = new TreeMap<>();
        List<List<String>> commands = flow.commands(inventory, rates, cdrs);
        int finalized = 0;
        for (int i = 0; i < commands.size(); i++) {
            ChildRun run = ChildRun.start(jar, dir, arguments(commands.get(i), dbOptions, dir), dir.resolve("run.log"));
            int status = run.waitForExit(600);
            if (status != 0) {
                throw new IllegalStateException("uninterrupted " + commands.get(i) + " failed (" + status + "): "
                        + run.lines());
            }
            durations.put(i, run.elapsedMillis());
            finalized += (int) run.lines().stream().filter(FINALIZED.asMatchPredicate()).count();
        }
        Map<String, String> outcome = outcome(name, dir);
        Baseline baseline = new Baseline(outcome, durations, finalized, cdrCount(name, dir));
        database.drop(name);
        baselines.put(flow, baseline);
        return baseline;
    }

    private void scenario(Flow flow, String name, int kills, Figures figures) throws Exception {
        Baseline baseline = baseline(flow);
        figures.scenarios++;
        Path dir = work.resolve(name);
        List<String> dbOptions = database.create(name, dir);
        List<List<String>> commands = flow.commands(inventory, rates, cdrs);
        int[] killsPerCommand = new int[commands.size()];
        for (int k = 0; k < kills; k++) {
            killsPerCommand[random.nextInt(commands.size())]++;
        }
        for (int i = 0; i < commands.size(); i++) {
            List<String> command = commands.get(i);
            List<String> arguments = arguments(command, dbOptions, dir);
            boolean finalize = command.contains("--finalize");
            boolean done = false;
            for (int k = 0; k < killsPerCommand[i] && !done; k++) {
                ChildRun run = ChildRun.start(jar, dir, arguments, dir.resolve("run.log"));
                boolean killNow;
                String where;
                if (finalize && random.nextInt(3) > 0 && baseline.finalizedCount() > 0) {
                    int after = 1 + random.nextInt(baseline.finalizedCount());
                    killNow = run.waitForLines(FINALIZED.asMatchPredicate(), after, 600_000);
                    where = "after finalized line " + after;
                } else {
                    long delay = (long) (baseline.durations().get(i) * (0.1 + 0.9 * random.nextDouble()));
                    killNow = !run.waitForExitUntil(delay);
                    where = "at " + delay + " ms";
                }
                if (!killNow) {
                    done = run.waitForExit(600) == 0;
                    continue;
                }
                run.kill();
                figures.killPoints++;
                figures.killsByCommand.merge(command.get(0) + (finalize ? " --finalize" : ""), 1, Integer::sum);
                if (finalize) {
                    figures.killsDuringFinalize++;
                }
                Path killLog = dir.resolve("kills.log");
                Files.writeString(killLog, command + " killed " + where + ", last line: " + run.lastLine() + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                long logged = run.lines().stream().filter(FINALIZED.asMatchPredicate()).count();
                if (!checkAfterKill(name, dir, logged, figures)) {
                    figures.problems.add(name + ": unopenable after killing " + command + " " + where);
                    database.drop(name);
                    return;
                }
            }
            if (!done) {
                done = runToCompletion(arguments, dir, figures);
            }
            if (!done) {
                figures.problems.add(name + ": " + command + " did not complete after restarts");
                database.drop(name);
                return;
            }
        }
        compare(name, dir, baseline, figures);
        database.drop(name);
    }

    private boolean runToCompletion(List<String> arguments, Path dir, Figures figures) throws Exception {
        for (int attempt = 0; attempt < 4; attempt++) {
            ChildRun run = ChildRun.start(jar, dir, arguments, dir.resolve("run.log"));
            figures.restarts++;
            if (run.waitForExit(600) == 0) {
                return true;
            }
        }
        return false;
    }

    /** The database opens; the invoices the killed run logged as finalized are there (the last may be in flight). */
    private boolean checkAfterKill(String name, Path dir, long loggedFinalized, Figures figures) {
        if (!database.exists(name, dir)) {
            return true; // killed before the database file was created
        }
        try (Connection connection = database.open(name, dir)) {
            if (!tableExists(connection)) {
                return true; // killed before Flyway created the schema
            }
            List<String> numbers = column(connection, "select invoice_number from invoice where invoice_number is "
                    + "not null and period = '" + PERIOD + "' order by invoice_number");
            if (numbers.size() < loggedFinalized - 1) {
                figures.committedTransactionsLost += (int) (loggedFinalized - 1 - numbers.size());
                figures.problems.add(name + ": " + loggedFinalized + " finalized in the log, " + numbers.size()
                        + " numbered in the database after the kill");
            }
            if (!gapless(numbers)) {
                figures.numberingGaps++;
                figures.problems.add(name + ": numbering not gapless after a kill: " + numbers);
            }
            return true;
        } catch (SQLException e) {
            figures.unopenableDatabases++;
            figures.problems.add(name + ": " + e.getMessage().lines().findFirst().orElse(""));
            return false;
        }
    }

    private static boolean tableExists(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("select count(*) from invoice").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static boolean gapless(List<String> numbers) {
        for (int i = 0; i < numbers.size(); i++) {
            if (!numbers.get(i).equals(String.format("INV-%s-%06d", PERIOD.replace("-", ""), i + 1))) {
                return false;
            }
        }
        return true;
    }

    private void compare(String name, Path dir, Baseline baseline, Figures figures) throws Exception {
        Map<String, String> outcome = outcome(name, dir);
        long cdrs = cdrCount(name, dir);
        figures.rowsLost += Math.max(0, baseline.cdrCount() - cdrs);
        figures.countedTwice += Math.max(0, cdrs - baseline.cdrCount()) + duplicateRatedCount(name, dir);
        List<String> numbers;
        try (Connection connection = database.open(name, dir)) {
            numbers = column(connection, "select invoice_number from invoice where invoice_number is not null "
                    + "order by invoice_number");
        }
        if (!gapless(numbers)) {
            figures.numberingGaps++;
            figures.problems.add(name + ": final numbering not gapless: " + numbers);
        }
        List<String> differences = new ArrayList<>();
        for (String key : baseline.outcome().keySet()) {
            if (!baseline.outcome().get(key).equals(outcome.get(key))) {
                differences.add(key);
            }
        }
        outcome.keySet().stream().filter(key -> !baseline.outcome().containsKey(key)).forEach(differences::add);
        if (differences.isEmpty()) {
            figures.identicalOutcomes++;
        } else {
            figures.problems.add(name + ": differs from the uninterrupted run in " + differences);
        }
    }

    /** Everything compared, by name: output files (normalised) and database extracts. */
    private Map<String, String> outcome(String name, Path dir) throws IOException, SQLException {
        Map<String, String> outcome = new TreeMap<>();
        for (String folder : List.of("out/invoices/" + PERIOD, "out/reports/" + PERIOD)) {
            Path path = dir.resolve(folder);
            if (!Files.isDirectory(path)) {
                continue;
            }
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.sorted().toList()) {
                    String fileName = file.getFileName().toString();
                    if (fileName.endsWith(".csv") || fileName.endsWith(".html")) {
                        String content = Files.readString(file);
                        outcome.put(folder + "/" + fileName, GENERATED.matcher(content).replaceAll("Generated <instant>"));
                    }
                }
            }
        }
        try (Connection connection = database.open(name, dir)) {
            outcome.put("db:rated_cdr current", String.join("\n", rows(connection, "select cdr_id, status, trunk_id, "
                    + "account_id, period, direction, category, destination, channel_plan, rate_per_minute, currency,"
                    + " first_increment_s, next_increment_s, connect_fee, billable, duration_s, billed_s, cost, "
                    + "anomalies from rated_cdr where is_current order by cdr_id")));
            outcome.put("db:invoice", String.join("\n", rows(connection, "select invoice_id, invoice_number, "
                    + "account_id, period, currency, status, hold_reason, subtotal, tax_total, total, "
                    + "adjusts_invoice_id from invoice order by invoice_id")));
            outcome.put("db:cdr", String.join("\n", rows(connection, "select count(*), count(distinct cdr_id) from cdr")));
        }
        return outcome;
    }

    private long cdrCount(String name, Path dir) throws SQLException {
        try (Connection connection = database.open(name, dir)) {
            return Long.parseLong(column(connection, "select count(*) from cdr").get(0));
        }
    }

    private long duplicateRatedCount(String name, Path dir) throws SQLException {
        try (Connection connection = database.open(name, dir)) {
            return Long.parseLong(column(connection, "select count(*) from (select cdr_id from rated_cdr where "
                    + "is_current group by cdr_id having count(*) > 1) d").get(0));
        }
    }

    /** The rows of a query, each as its columns joined by {@code |}. */
    static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.append(c > 1 ? "|" : "").append(result.getString(c));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        return rows(connection, sql);
    }

    private List<String> arguments(List<String> command, List<String> dbOptions, Path dir) {
        List<String> arguments = new ArrayList<>(command);
        arguments.addAll(dbOptions);
        arguments.add("--output-dir");
        arguments.add(dir.resolve("out").toString());
        return arguments;
    }

    static Predicate<String> finalizedLine() {
        return FINALIZED.asMatchPredicate();
    }
}
