package com.trunkbill.operations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log format of src/main/resources/application.properties as an operator sees it: timestamps with the date
 * and the UTC offset, {@code logging.file.name} (what {@code --log-file FILE} sets) writing a size-rotated file,
 * and JSON lines with Spring Boot's structured logging. Each case starts a small Spring Boot application in a
 * separate JVM on the main classpath (without the quiet test logging configuration of src/test/resources).
 */
class LogFormatTests {

    /** 2026-12-05T08:09:47.123+00:00 INFO  ... */
    private static final String ISO_LINE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+00:00 INFO  .*";

    @TempDir
    Path work;

    @Test
    void theConsoleAndFilePatternsCarryTheDateAndTheOffset() throws IOException {
        Properties application = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            application.load(in);
        }

        assertThat(application.getProperty("logging.pattern.console"))
                .startsWith("%d{yyyy-MM-dd'T'HH:mm:ss.SSSxxx, UTC} ");
        assertThat(application.getProperty("logging.pattern.file"))
                .isEqualTo(application.getProperty("logging.pattern.console"));
        assertThat(application.getProperty("logging.logback.rollingpolicy.max-file-size")).isEqualTo("10MB");
        assertThat(application.getProperty("logging.logback.rollingpolicy.max-history")).isEqualTo("30");
        assertThat(application.getProperty("logging.logback.rollingpolicy.total-size-cap")).isEqualTo("1GB");
    }

    @Test
    void logFileNameWritesTheLogToAFileWithIsoTimestamps() throws Exception {
        Path logFile = work.resolve("logs/trunkbill.log");

        Run run = startSpringBoot("--logging.file.name=" + logFile);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines().filter(line -> line.contains("Started SpringApplication")))
                .as(run.output()).singleElement().asString().matches(ISO_LINE);
        assertThat(logFile).exists();
        List<String> lines = Files.readAllLines(logFile);
        assertThat(lines).as(String.join("\n", lines)).anySatisfy(line -> assertThat(line)
                .matches(ISO_LINE).contains("Started SpringApplication"));
    }

    @Test
    void structuredLoggingWritesJsonLinesToTheFile() throws Exception {
        Path logFile = work.resolve("trunkbill.json");

        Run run = startSpringBoot("--logging.file.name=" + logFile, "--logging.structured.format.file=ecs");

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> lines = Files.readAllLines(logFile);
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"@timestamp\":\"")
                .endsWith("}"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"level\":\"INFO\"",
                "Started SpringApplication"));
    }

    private record Run(int exitCode, String output) {
    }

    /**
     * Spring Boot's own {@code SpringApplication.main} with an empty source: it reads application.properties and
     * initializes logging exactly as trunkbill does, then logs its start-up lines and stops.
     */
    private Run startSpringBoot(String... arguments) throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "org.springframework.boot.SpringApplication", "--spring.main.sources=java.lang.Object",
                "--spring.main.log-startup-info=true",
                "--logging.level.org.springframework.boot.SpringApplication=INFO"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        return new Run(process.exitValue(), output);
    }
}
