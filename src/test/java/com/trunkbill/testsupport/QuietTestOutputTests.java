package com.trunkbill.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test logging configuration (src/test/resources/logback-test.xml): trunkbill's INFO and WARN lines and Spring
 * Batch's report of a failed step go to target/test-logs/tests.log only, errors from trunkbill and warnings from
 * libraries still reach the console. Also the console line of {@link SkippedTestReporter}.
 */
class QuietTestOutputTests {

    private static final Path TEST_LOG = Path.of("target/test-logs/tests.log");

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureConsole() {
        originalOut = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(originalOut);
    }

    @Test
    void aFailedStepReportedBySpringBatchGoesToTheTestLogNotToTheConsole() throws IOException {
        String marker = "expected step failure " + UUID.randomUUID();

        LoggerFactory.getLogger("org.springframework.batch.core.step.AbstractStep")
                .error(marker, new IllegalStateException("injected"));

        assertThat(console()).isEmpty();
        assertThat(Files.readString(TEST_LOG)).contains("ERROR", marker, "java.lang.IllegalStateException: injected");
    }

    @Test
    void trunkbillInfoAndWarningsGoToTheTestLogOnly() throws IOException {
        Logger trunkbill = LoggerFactory.getLogger("com.trunkbill.testsupport.Quiet");
        String info = "info " + UUID.randomUUID();
        String warning = "warning " + UUID.randomUUID();

        trunkbill.info(info);
        trunkbill.warn(warning);

        assertThat(console()).isEmpty();
        assertThat(Files.readString(TEST_LOG)).contains(info, warning);
    }

    @Test
    void trunkbillErrorsAndLibraryWarningsStillReachTheConsole() {
        // the console is captured here, so these lines are not printed to the build output
        LoggerFactory.getLogger("com.trunkbill.testsupport.Quiet").error("a trunkbill error");
        LoggerFactory.getLogger("org.flywaydb.core.Flyway").warn("a library warning");
        LoggerFactory.getLogger("org.flywaydb.core.Flyway").info("a library info line");

        assertThat(console()).contains("ERROR com.trunkbill.testsupport.Quiet : a trunkbill error",
                "WARN  org.flywaydb.core.Flyway : a library warning").doesNotContain("library info");
    }

    @Test
    void aSkippedTestSaysWhyOnTheConsole() {
        assertThat(SkippedTestReporter.why("Assumption failed: SKIPPED: no Chromium (/usr/bin/chromium)"))
                .isEqualTo("no Chromium (/usr/bin/chromium)");
        assertThat(SkippedTestReporter.why("Assumption failed: no docker on PATH")).isEqualTo("no docker on PATH");
        assertThat(SkippedTestReporter.why(null)).isEqualTo("no reason given");
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }
}
