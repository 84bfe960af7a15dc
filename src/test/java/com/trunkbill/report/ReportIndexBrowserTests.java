package com.trunkbill.report;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens {@code index.html} of {@link ReportScenario} in a real browser: headless Debian Chromium renders the
 * page offline (no network), the rendered DOM holds the key numbers, the log shows no console error, and a
 * screenshot is saved as {@code target/report-index.png}. Skipped, with a message, where Chromium is absent;
 * {@code .ci/run} installs it so CI always runs it.
 */
@OnH2
class ReportIndexBrowserTests extends DatabaseTest {

    private static final long TIMEOUT_SECONDS = 90;

    @Autowired
    JobLaunchService launcher;

    @Test
    void indexRendersInHeadlessChromiumWithTheKeyNumbersAndNoConsoleError() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "SKIPPED: no Chromium (/usr/bin/chromium or chromium on PATH); "
                + "install Debian's chromium (.ci/run does) to run the browser test of index.html");
        ReportScenario.october(new ReportFixtures(db));
        var execution = launcher.launch("reportingJob",
                new JobParametersBuilder().addString("period", "2026-10").toJobParameters(),
                RunPolicy.NEW_RUN_EACH_TIME).execution();
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String url = outputDir.resolve("reports/2026-10/index.html").toAbsolutePath().normalize().toUri().toString();

        Run dom = run(chromium.get(), "--dump-dom", url);
        assertThat(dom.exitCode()).as(dom.stderr()).isZero();
        assertThat(dom.stdout()).contains("trunkbill — billing period 2026-10", "108.88", "Acme &lt;Logistics&gt; &amp; Co",
                "INV-ACC-1-2026-10", "FRESHWORKS:ACC-1:NEW_YORK", "UNDER_PROVISIONED", "OVER_ALLOWANCE", "balanced",
                "TRUNK_INACTIVE", "<svg");
        assertNoConsoleErrors(dom);

        Path screenshot = Path.of("target/report-index.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        Run shot = run(chromium.get(), "--screenshot=" + screenshot, "--window-size=1400,2000", url);
        assertThat(shot.exitCode()).as(shot.stderr()).isZero();
        assertNoConsoleErrors(shot);
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    private static void assertNoConsoleErrors(Run run) {
        assertThat(run.stderr().lines()
                .filter(line -> line.contains(":CONSOLE") || line.contains("Uncaught")
                        || line.contains("Failed to load resource") || line.contains("net::ERR_"))
                .toList()).as("console errors").isEmpty();
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run run(Path chromium, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + Files.createTempDirectory(tempDir, "chromium"),
                "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(tempDir, "chromium", ".out");
        Path err = Files.createTempFile(tempDir, "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    static Optional<Path> chromium() {
        Path debian = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, "chromium"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
