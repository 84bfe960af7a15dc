package com.trunkbill.operations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Cheap checks of {@code jobs/benchmark.sh} and its floors program, which are run by hand (docs/development.md): the
 * script parses, refuses a bad N before doing any work, the floors program compiles against the libraries trunkbill
 * ships, and docs/performance.md keeps the markers the script rewrites between.
 */
class BenchmarkScriptTests {

    private static final Path SCRIPT = Path.of("jobs/benchmark.sh");

    @Test
    void scriptParsesAndRefusesABadCountWithExitCode2() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "SKIPPED: no /bin/bash to check jobs/benchmark.sh");
        assertThat(Files.isExecutable(SCRIPT)).as("jobs/benchmark.sh is executable").isTrue();
        assertThat(exitCode("/bin/bash", "-n", SCRIPT.toString())).isZero();
        assertThat(exitCode("/bin/bash", SCRIPT.toString(), "1e6")).isEqualTo(2);
    }

    @Test
    void floorsProgramCompilesAgainstTheShippedLibraries(@TempDir Path classes) {
        var compiler = ToolProvider.getSystemJavaCompiler();
        assumeTrue(compiler != null, "SKIPPED: no javac in this JVM");
        var errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), "jobs/benchmark/BenchmarkFloors.java");
        assertThat(status).as(errors.toString()).isZero();
    }

    @Test
    void performancePageHoldsTheMarkersTheScriptWritesBetween() throws Exception {
        String page = Files.readString(Path.of("docs/performance.md"));
        String script = Files.readString(SCRIPT);
        String begin = "<!-- benchmark:begin (written by jobs/benchmark.sh; do not edit by hand) -->";
        String end = "<!-- benchmark:end -->";
        assertThat(script).contains(begin, end);
        assertThat(page).contains(begin, end);
        assertThat(page.indexOf(begin)).isLessThan(page.indexOf(end));
    }

    private static int exitCode(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
