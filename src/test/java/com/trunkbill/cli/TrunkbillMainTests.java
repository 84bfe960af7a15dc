package com.trunkbill.cli;

import com.trunkbill.rating.RateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrunkbillMainTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TrunkbillMain main = new TrunkbillMain(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        assertThat(main.run("--help")).isZero();
        String help = out();
        assertThat(help).contains("Usage: trunkbill <command> [options]", "--db JDBC_URL", "--output-dir DIR",
                "--log-file FILE", "completion", "--version", "Exit codes:");
        Commands.all().forEach(command -> assertThat(help).contains(command.name()));
    }

    @Test
    void everyCommandHasGeneratedHelpWithItsOwnAndTheCommonOptions() {
        assertThat(main.run("invoice", "--help")).isZero();
        assertThat(out()).contains("Usage: trunkbill invoice", "Usage: trunkbill invoice --period YYYY-MM [--finalize]", "--period=YYYY-MM", "--finalize", "--template-dir=DIR",
                "--db=JDBC_URL", "--log-file=FILE", "Exit codes:");
        out.reset();
        assertThat(main.run("help", "import-cdrs")).isZero();
        assertThat(out()).contains("Usage: trunkbill import-cdrs", "--dir=DIR", "--follow-symlinks");
        assertThat(err()).isEmpty();
    }

    @Test
    void noArgumentsIsBadUsage() {
        assertThat(main.run()).isEqualTo(2);
        assertThat(err()).contains("Usage: trunkbill");
    }

    @Test
    void unknownCommandIsBadUsageWithOneLineReason() {
        assertThat(main.run("frobnicate")).isEqualTo(2);
        assertThat(err().trim()).isEqualTo("trunkbill: unknown command 'frobnicate' (see trunkbill --help)");
    }

    @Test
    void aMistypedCommandOrOptionSuggestsTheNearestName() {
        assertThat(main.run("imprt-rates", "--dir", ".")).isEqualTo(2);
        assertThat(main.run("report", "--perod", "2026-10")).isEqualTo(2);
        assertThat(err().lines()).containsExactly(
                "trunkbill: unknown command 'imprt-rates'; did you mean import-rates? (see trunkbill --help)",
                "trunkbill report: unknown option --perod; did you mean --period? (see trunkbill report --help)");
    }

    @Test
    void versionNamesTheJarVersionAndGitCommit() {
        assertThat(main.run("--version")).isZero();
        assertThat(out().trim())
                .matches("trunkbill \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(git ([0-9a-f]{7,}|unknown)(, modified)?\\)");
    }

    @Test
    void completionPrintsABashScriptThatKnowsEveryCommand() {
        assertThat(main.run("completion")).isZero();
        assertThat(out()).contains("complete -F", "import-rates", "nightly", "history", "--period", "--db");
    }

    @Test
    void aDatabaseThatIsNotAJdbcUrlIsBadUsageBeforeStartUp() {
        long started = System.nanoTime();
        assertThat(main.run("history", "--db", "localhost:5432/trunkbill")).isEqualTo(2);
        assertThat(main.run("history", "--limit", "x")).isEqualTo(2);
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(2_000);
        assertThat(err().lines()).containsExactly(
                "trunkbill history: --db localhost:5432/trunkbill is not a JDBC URL (e.g. "
                        + "jdbc:postgresql://localhost:5432/trunkbill or jdbc:h2:file:./data/trunkbill)",
                "trunkbill history: --limit x is not a positive whole number");
    }

    @Test
    void everyOptionIsCheckedBeforeStartUp(@TempDir Path empty) {
        assertThat(main.run("rate", "--period", "2026-1")).isEqualTo(2);
        assertThat(main.run("nightly", "--date", "2026-10-32")).isEqualTo(2);
        assertThat(main.run("import-inventory", "--dir", empty.toString(), "--as-of", "yesterday")).isEqualTo(2);
        assertThat(main.run("invoice", "--period", "2026-10", "--template-dir", empty.resolve("nope").toString()))
                .isEqualTo(2);
        assertThat(main.run("report", "--period", "2026-10", "--log-file", empty.toString())).isEqualTo(2);
        assertThat(main.run("report", "--period")).isEqualTo(2);
        assertThat(err().lines()).containsExactly(
                "trunkbill rate: --period 2026-1 is not a period YYYY-MM",
                "trunkbill nightly: --date 2026-10-32 is not a date YYYY-MM-DD",
                "trunkbill import-inventory: --dir " + empty.toAbsolutePath() + " has none of the expected files "
                        + "accounts.csv, service-addresses.csv, trunks.csv",
                "trunkbill invoice: --template-dir " + empty.resolve("nope") + " is not a directory",
                "trunkbill report: --log-file " + empty + " is a directory, not a file",
                "trunkbill report: --period needs a value YYYY-MM");
    }

    @Test
    void importRatesFromAFolderWithoutRateTablesIsBadUsageNamingTheFiles(@TempDir Path empty) {
        assertThat(main.run("import-rates", "--dir", empty.toString())).isEqualTo(2);
        assertThat(err().trim()).isEqualTo("trunkbill import-rates: --dir " + empty.toAbsolutePath()
                + " has none of the expected files rates.csv, channel-plans.csv, tax-rates.csv, fx-rates.csv");
    }

    @Test
    void springArgumentsWithACommandBecomePropertiesButCannotChooseTheJob() {
        assertThat(main.run("rate", "--spring.batch.job.name=cdrImportJob")).isEqualTo(2);
        assertThat(main.run("rate", "--spring.datasource.url")).isEqualTo(2);
        assertThat(main.run("rate", "--db", "jdbc:h2:mem:x", "--spring.datasource.url=jdbc:h2:mem:y")).isEqualTo(2);
        assertThat(err().lines()).containsExactly(
                "trunkbill rate: --spring.batch.job.name cannot be combined with a command (the command chooses the "
                        + "job); give it without a command for a plain Spring Batch launch",
                "trunkbill rate: --spring.datasource.url needs a value: --spring.datasource.url=VALUE",
                "trunkbill rate: --spring.datasource.url conflicts with an option that sets spring.datasource.url");

        Map<String, String> properties = main.springProperties(new RateCommand(),
                ParsedOptions.of("rate", Map.of()), List.of("--spring.datasource.hikari.maximum-pool-size=2"));
        assertThat(properties).containsEntry("spring.datasource.hikari.maximum-pool-size", "2")
                .containsEntry("spring.batch.job.enabled", "false");
    }

    @Test
    void aToolCreatesOnlyTheBeansItUsesAndAJobAllOfThem() {
        Command history = Commands.find("history").orElseThrow();
        assertThat(main.springProperties(history, ParsedOptions.of("history", Map.of()), List.of()))
                .containsEntry("spring.main.lazy-initialization", "true");
        assertThat(main.springProperties(history, ParsedOptions.of("history", Map.of()),
                List.of("--spring.main.lazy-initialization=false")))
                .containsEntry("spring.main.lazy-initialization", "false");
        assertThat(main.springProperties(new RateCommand(), ParsedOptions.of("rate", Map.of()), List.of()))
                .doesNotContainKey("spring.main.lazy-initialization");
    }

    @Test
    void historyWithLazyBeansStillMigratesAFreshDatabase() {
        assertThat(main.run("history", "--db", "jdbc:h2:mem:lazy-history;DB_CLOSE_DELAY=-1")).as(err()).isZero();
        assertThat(out()).contains("no job executions recorded yet");
    }

    @Test
    void withoutACommandSpringArgumentsLaunchAJobThePlainSpringBootWay() {
        int exit = main.run("--spring.batch.job.name=reportingJob",
                "--spring.datasource.url=jdbc:h2:mem:plain-launch;DB_CLOSE_DELAY=-1",
                "--trunkbill.output-dir=target/test-out/plain-launch", "period=2026-10");

        assertThat(exit).as(err()).isZero();
        assertThat(Path.of("target/test-out/plain-launch/reports/2026-10/index.html")).exists();
    }

    @Test
    void propertyOptionsSetTheirSpringProperties(@TempDir Path templates) {
        Command nightly = Commands.find("nightly").orElseThrow();
        Map<String, String> properties = main.springProperties(nightly, ParsedOptions.of("nightly", Map.of(
                "follow-symlinks", "true", "template-dir", templates.toString(), "log-file", "logs/trunkbill.log")),
                List.of());
        assertThat(properties)
                .containsEntry("trunkbill.cdr.follow-symlinks", "true")
                .containsEntry("trunkbill.template-dir", templates.toAbsolutePath().normalize().toString())
                .containsEntry("logging.file.name", "logs/trunkbill.log");
        assertThat(main.springProperties(nightly, ParsedOptions.of("nightly", Map.of()), List.of()))
                .doesNotContainKeys("trunkbill.cdr.follow-symlinks", "trunkbill.template-dir", "logging.file.name");
        for (String name : List.of("import-cdrs", "nightly", "demo")) {
            assertThat(Commands.find(name).orElseThrow().options()).extracting(OptionSpec::name)
                    .contains("follow-symlinks");
        }
        for (String name : List.of("invoice", "report", "nightly", "demo")) {
            assertThat(Commands.find(name).orElseThrow().options()).extracting(OptionSpec::name)
                    .contains("template-dir");
        }
        assertThatThrownBy(() -> main.springProperties(nightly, ParsedOptions.of("nightly",
                Map.of("template-dir", templates.resolve("absent").toString())), List.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("is not a directory");
    }

    @Test
    void aRefusedConnectionNamesTheTargetAndCauseButNeverThePassword() {
        int exit = main.run("history", "--db", "jdbc:postgresql://127.0.0.1:1/billing?sslmode=disable",
                "--db-user", "trunkbill", "--db-password", "s3cret-pw");

        assertThat(exit).isEqualTo(1);
        assertThat(err().lines()).singleElement().asString()
                .startsWith("trunkbill history: cannot connect to PostgreSQL database billing on 127.0.0.1:1: ")
                .contains("refused").doesNotContain("s3cret-pw", "sslmode", "Exception");
    }

    @Test
    void aLockedEmbeddedDatabaseIsExplainedAsAnotherProcessRunning() {
        RuntimeException locked = new IllegalStateException("context failed",
                new RuntimeException("The file is locked: /srv/data/trunkbill.mv.db [2.3.232/7]"));

        assertThat(TrunkbillMain.explain(locked)).isEqualTo("the embedded database is in use by another trunkbill "
                + "process (is a job running?): The file is locked: /srv/data/trunkbill.mv.db [2.3.232/7]");
        assertThat(TrunkbillMain.explain(new IllegalArgumentException("no job named x"))).isEqualTo("no job named x");
    }

    @Test
    void noPrivilegeOnSchemaPublicGivesThePostgresOwnerHint() {
        RuntimeException failure = new IllegalStateException("Flyway failed",
                new SQLException("ERROR: permission denied for schema public", "42501"));

        assertThat(StartupFailures.explain(failure, "jdbc:postgresql://db.example:6432/trunkbill", null))
                .isEqualTo("cannot create the tables in PostgreSQL database trunkbill on db.example:6432: "
                        + "ERROR: permission denied for schema public (on PostgreSQL 15+ the database must belong "
                        + "to the user trunkbill connects as: createuser trunkbill; createdb -O trunkbill trunkbill)");
    }

    @Test
    void aFailedLoginNamesTheTargetAndMasksThePassword() {
        RuntimeException failure = new IllegalStateException("pool",
                new SQLException("FATAL: password authentication failed for user \"hunter2\"", "28P01"));

        assertThat(StartupFailures.explain(failure, "jdbc:postgresql://pg/trunkbill", "hunter2"))
                .isEqualTo("cannot connect to PostgreSQL database trunkbill on pg:5432: "
                        + "FATAL: password authentication failed for user \"****\"");
        assertThat(StartupFailures.target("jdbc:h2:file:./data/trunkbill;AUTO_SERVER=TRUE"))
                .isEqualTo("H2 database file ./data/trunkbill");
        assertThat(StartupFailures.target("jdbc:h2:tcp://h2host:9092/~/billing"))
                .isEqualTo("H2 database ~/billing on h2host:9092");
    }

    @Test
    void runDirectoryChecksUseExistingFolders(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("fx-rates.csv"), "");
        assertThat(ParsedOptions.of("import-rates", Map.of("dir", dir.toString()))
                .directoryWithAnyOf("dir", List.of("rates.csv", "fx-rates.csv"))).isEqualTo(dir.toAbsolutePath());
    }
}
