package com.trunkbill.operations;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Syntax checks of {@code jobs/}: the Kubernetes CronJob (SnakeYAML), the crontab, the systemd units, the
 * parameter files and the {@code run-job.sh} wrapper ({@code bash -n}, and a dry run that prints the command).
 */
class JobDefinitionsTests {

    private static final Path JOBS = Path.of("jobs");
    /** One cron time field: numbers, ranges, lists, steps, names, or *. */
    private static final Pattern CRON_FIELD = Pattern.compile("(\\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(/[0-9]+)?"
            + "(,(\\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(/[0-9]+)?)*");
    private static final Set<String> COMMANDS = Set.of("import-inventory", "import-rates", "import-cdrs", "rate",
            "invoice", "report", "nightly", "demo", "history");

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesCronJobForbidsConcurrentRunsAndHasASchedule() throws IOException {
        Map<String, Object> cronJob = new Yaml().load(Files.readString(JOBS.resolve("kubernetes/cronjob.yaml")));

        assertThat(cronJob).containsEntry("apiVersion", "batch/v1").containsEntry("kind", "CronJob");
        Map<String, Object> spec = (Map<String, Object>) cronJob.get("spec");
        assertThat(spec).containsEntry("concurrencyPolicy", "Forbid");
        assertCronSchedule(((String) spec.get("schedule")).split(" "));
        Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                ((Map<String, Object>) spec.get("jobTemplate")).get("spec")).get("template")).get("spec");
        assertThat(podSpec).containsEntry("restartPolicy", "Never");
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec.get("containers")).get(0);
        assertThat((List<String>) container.get("args")).first().isEqualTo("nightly");
        assertThat((List<String>) container.get("args")).contains("--metrics-file").doesNotContain("--finalize");
        assertThat(container).as("the image's entry point runs trunkbill").doesNotContainKey("command");
        assertThat(spec).containsEntry("timeZone", "Etc/UTC");
    }

    @Test
    void crontabTimesAreUtcAlsoWhereCronIgnoresCronTz() throws IOException {
        List<String> lines = Files.readAllLines(JOBS.resolve("crontab"));

        assertThat(lines).as("Debian's cron ignores CRON_TZ: no active CRON_TZ line")
                .noneMatch(line -> line.strip().startsWith("CRON_TZ="))
                .as("cronie users uncomment it").contains("#CRON_TZ=UTC")
                .as("run-job.sh refuses a server that is not in UTC").contains("TRUNKBILL_REQUIRE_UTC=yes")
                .as("a scheduled run never builds").contains("TRUNKBILL_NO_BUILD=1");
        assertThat(String.join("\n", lines)).contains("Debian", "cronie", "timedatectl set-timezone Etc/UTC");
    }

    @Test
    void nothingFinalizesOnASchedule() throws IOException {
        List<String> crontab = Files.readAllLines(JOBS.resolve("crontab"));
        List<String> active = crontab.stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(active).noneMatch(line -> line.contains("month-close") || line.contains("--finalize"));
        assertThat(Files.readString(JOBS.resolve("nightly.env"))).doesNotContain("--finalize");
        assertThat(ini(JOBS.resolve("systemd/trunkbill-nightly.service")).get("Service").get("ExecStart"))
                .endsWith("jobs/nightly.env");

        // the documented opt-in: one commented entry, valid once uncommented, that runs month close
        List<String> optIn = crontab.stream()
                .filter(line -> line.matches("#\\s*[0-9*].*jobs/run-job\\.sh jobs/month-close\\.env.*")).toList();
        assertThat(optIn).hasSize(1);
        String[] fields = optIn.get(0).substring(1).strip().split("\\s+", 6);
        assertCronSchedule(List.of(fields).subList(0, 5).toArray(String[]::new));
        assertThat(fields[5]).contains("jobs/month-close-report.env");
        assertThat(Files.readString(JOBS.resolve("month-close.env"))).contains("--finalize", "by hand");
    }

    @Test
    void runJobRefusesAUtcScheduleOnAServerThatIsNotInUtc() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "SKIPPED: no /bin/bash to check jobs/run-job.sh");
        Map<String, String> dryRun = Map.of("TRUNKBILL_LAUNCHER", "echo", "TRUNKBILL_TODAY", "2026-10-14");

        Result zagreb = run(List.of("jobs/run-job.sh", "jobs/nightly.env"), with(dryRun,
                "TRUNKBILL_REQUIRE_UTC", "yes", "TRUNKBILL_LOCAL_ZONE", "Europe/Zagreb"));
        Result london = run(List.of("jobs/run-job.sh", "jobs/nightly.env"), with(dryRun,
                "TRUNKBILL_REQUIRE_UTC", "yes", "TRUNKBILL_LOCAL_ZONE", "Europe/London"));
        Result utc = run(List.of("jobs/run-job.sh", "jobs/nightly.env"), with(dryRun,
                "TRUNKBILL_REQUIRE_UTC", "yes", "TRUNKBILL_LOCAL_ZONE", "Etc/UTC"));
        Result cronie = run(List.of("jobs/run-job.sh", "jobs/nightly.env"), with(dryRun,
                "TRUNKBILL_REQUIRE_UTC", "no", "TRUNKBILL_LOCAL_ZONE", "Europe/Zagreb"));

        assertThat(zagreb.exitCode()).isEqualTo(2);
        assertThat(zagreb.output().strip()).hasLineCount(1).contains("refused to run jobs/nightly.env",
                "Europe/Zagreb (UTC+0100 in January, UTC+0200 in July)", "Debian/Ubuntu cron ignores CRON_TZ",
                "timedatectl set-timezone Etc/UTC", "TRUNKBILL_REQUIRE_UTC=no");
        assertThat(london.exitCode()).as("UTC in winter only").isEqualTo(2);
        assertThat(utc.exitCode()).as(utc.output()).isZero();
        assertThat(utc.output()).startsWith("nightly --date 2026-10-14 ");
        assertThat(cronie.exitCode()).as(cronie.output()).isZero();
    }

    @Test
    void crontabLinesHaveFiveTimeFieldsAndRunAParameterFile() throws IOException {
        List<String> entries = Files.readAllLines(JOBS.resolve("crontab")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .filter(line -> !line.matches("[A-Z_]+=.*"))
                .toList();

        assertThat(entries).isNotEmpty();
        for (String entry : entries) {
            String[] fields = entry.split("\\s+", 6);
            assertThat(fields).as(entry).hasSize(6);
            assertCronSchedule(List.of(fields).subList(0, 5).toArray(String[]::new));
            var parameterFile = Pattern.compile("jobs/run-job\\.sh (jobs/[a-z-]+\\.env)").matcher(fields[5]);
            assertThat(parameterFile.find()).as(entry).isTrue();
            assertThat(Path.of(parameterFile.group(1))).exists();
        }
    }

    @Test
    void systemdServiceAndTimerHaveTheirSections() throws IOException {
        Map<String, Map<String, String>> service = ini(JOBS.resolve("systemd/trunkbill-nightly.service"));
        Map<String, Map<String, String>> timer = ini(JOBS.resolve("systemd/trunkbill-nightly.timer"));

        assertThat(service).containsKeys("Unit", "Service", "Install");
        assertThat(service.get("Service")).containsEntry("Type", "oneshot").containsKey("ExecStart");
        assertThat(service.get("Service").get("ExecStart")).contains("jobs/run-job.sh", "jobs/nightly.env");
        assertThat(service.get("Service")).containsEntry("Environment", "TRUNKBILL_NO_BUILD=1");
        assertThat(timer.get("Timer").get("OnCalendar")).endsWith(" UTC");
        assertThat(timer).containsKeys("Unit", "Timer", "Install");
        assertThat(timer.get("Timer")).containsKey("OnCalendar").containsEntry("Unit", "trunkbill-nightly.service");
        assertThat(timer.get("Install")).containsEntry("WantedBy", "timers.target");
    }

    @Test
    void parameterFilesNameAKnownCommand() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(JOBS)) {
            files = listing.filter(p -> p.toString().endsWith(".env")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("nightly.env", "month-close.env", "rerate-example.env");
        for (Path file : files) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                assertThat(line).as(file + ": " + line).matches("[A-Z][A-Z0-9_]*=(\"[^\"]*\"|[^\\s\"]*)");
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
            assertThat(COMMANDS).as(file.toString()).contains(values.get("TRUNKBILL_COMMAND"));
            assertThat(values).as(file + " never holds a password").doesNotContainKey("TRUNKBILL_DB_PASSWORD");
        }
    }

    @Test
    void runJobBuildsTheCommandLineFromAParameterFile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "SKIPPED: no /bin/bash to check jobs/run-job.sh");
        assertThat(run(List.of("/bin/bash", "-n", "jobs/run-job.sh"), Map.of()).exitCode()).isZero();

        Result monthClose = run(List.of("jobs/run-job.sh", "jobs/month-close.env"),
                Map.of("TRUNKBILL_LAUNCHER", "echo", "TRUNKBILL_TODAY", "2027-01-02"));

        assertThat(monthClose.exitCode()).as(monthClose.output()).isZero();
        assertThat(monthClose.output().strip()).startsWith("invoice --period 2026-12 --finalize --db jdbc:postgresql:")
                .contains("--output-dir /var/lib/trunkbill/out");
    }

    private static void assertCronSchedule(String[] fields) {
        assertThat(fields).hasSize(5);
        for (String field : fields) {
            assertThat(field).matches(CRON_FIELD);
        }
    }

    /** A systemd unit file as section to key to value (the last value of a repeated key). */
    private static Map<String, Map<String, String>> ini(Path file) throws IOException {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                assertThat(line).as(file + ": " + line).matches("\\[[A-Za-z]+]");
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new LinkedHashMap<>());
                continue;
            }
            assertThat(current).as(file + ": key before any section: " + line).isNotNull();
            assertThat(line).as(file + ": " + line).matches("[A-Za-z][A-Za-z0-9]*=.*");
            current.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        return sections;
    }

    private static Map<String, String> with(Map<String, String> base, String... keysAndValues) {
        Map<String, String> environment = new LinkedHashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            environment.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return environment;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("TRUNKBILL_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
