package com.trunkbill.operations;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher {@code ./trunkbill} and {@code jobs/install.sh}, run for real in a temporary folder with a stand-in
 * {@code java} (and {@code mvnw}) that only record how they were called: a release layout never builds, a source
 * checkout builds a stale jar unless {@code TRUNKBILL_NO_BUILD} is set, and a missing jar fails in one line.
 */
class ReleaseLayoutTests {

    @TempDir
    Path work;

    private Path bin;
    private Path calls;

    @BeforeEach
    void standInJava() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "SKIPPED: no /bin/bash to run the launcher");
        bin = Files.createDirectories(work.resolve("bin"));
        calls = work.resolve("calls.log");
        script(bin.resolve("java"), "echo \"java $*\" >> '" + calls + "'");
    }

    @Test
    void installPutsJarLauncherAndJobFilesIntoThePrefixAndTheLauncherNeverBuildsThere() throws Exception {
        Path prefix = work.resolve("opt/trunkbill");

        Result install = run(List.of("jobs/install.sh", "--prefix", prefix.toString(), "--jar", aJar().toString()),
                Map.of());

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(install.output()).contains("installed trunkbill into " + prefix);
        assertThat(prefix.resolve("lib/trunkbill.jar")).hasContent("not really a jar");
        assertThat(prefix.resolve("trunkbill")).isExecutable();
        assertThat(prefix.resolve("jobs/run-job.sh")).isExecutable();
        assertThat(prefix.resolve("jobs/crontab")).exists();
        assertThat(prefix.resolve("jobs/nightly.env")).hasSameTextualContentAs(Path.of("jobs/nightly.env"));
        assertThat(prefix.resolve("jobs/month-close.env")).exists();
        assertThat(prefix.resolve("jobs/systemd/trunkbill-nightly.timer")).exists();
        assertThat(prefix.resolve("jobs/kubernetes/cronjob.yaml")).exists();
        assertThat(prefix.resolve("pom.xml")).doesNotExist();
        assertThat(prefix.resolve("mvnw")).doesNotExist();

        Result history = run(List.of(prefix.resolve("trunkbill").toString(), "history"), Map.of());

        assertThat(history.exitCode()).as(history.output()).isZero();
        assertThat(Files.readString(calls).strip()).isEqualTo("java -Xmx2g -Dtrunkbill.home=" + prefix
                + " -jar " + prefix.resolve("lib/trunkbill.jar") + " history");
    }

    @Test
    void runJobInTheReleaseLayoutRunsTheInstalledLauncher() throws Exception {
        Path prefix = work.resolve("prefix");
        assertThat(run(List.of("jobs/install.sh", "--prefix", prefix.toString(), "--jar", aJar().toString()),
                Map.of()).exitCode()).isZero();

        Result nightly = run(List.of(prefix.resolve("jobs/run-job.sh").toString(),
                prefix.resolve("jobs/nightly.env").toString()), Map.of("TRUNKBILL_TODAY", "2026-10-14"));

        assertThat(nightly.exitCode()).as(nightly.output()).isZero();
        assertThat(Files.readString(calls).strip()).startsWith("java -Xmx2g -Dtrunkbill.home=" + prefix + " -jar "
                + prefix.resolve("lib/trunkbill.jar") + " nightly --date 2026-10-14 --inventory-dir ");
    }

    @Test
    void reinstallKeepsAnEditedParameterFileAndWritesTheShippedOneBesideIt() throws Exception {
        Path prefix = work.resolve("prefix");
        List<String> install = List.of("jobs/install.sh", "--prefix", prefix.toString(), "--jar", aJar().toString());
        assertThat(run(install, Map.of()).exitCode()).isZero();
        Files.writeString(prefix.resolve("jobs/nightly.env"), "# edited by the operator\n", java.nio.file.StandardOpenOption.APPEND);

        Result again = run(install, Map.of());

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("kept your " + prefix.resolve("jobs/nightly.env") + "; the shipped "
                + "version is " + prefix.resolve("jobs/nightly.env.new"));
        assertThat(Files.readString(prefix.resolve("jobs/nightly.env"))).endsWith("# edited by the operator\n");
        assertThat(prefix.resolve("jobs/nightly.env.new")).hasSameTextualContentAs(Path.of("jobs/nightly.env"));
        assertThat(prefix.resolve("jobs/month-close.env.new")).doesNotExist();
    }

    @Test
    void aMissingJarFailsInOneLineAndNothingIsBuilt() throws Exception {
        Result install = run(List.of("jobs/install.sh", "--prefix", work.resolve("p").toString(), "--jar",
                work.resolve("nothing.jar").toString()), Map.of());
        assertThat(install.exitCode()).isEqualTo(2);
        assertThat(install.output()).contains("nothing.jar is missing: build it first with ./mvnw -DskipTests package");

        Path prefix = work.resolve("prefix");
        assertThat(run(List.of("jobs/install.sh", "--prefix", prefix.toString(), "--jar", aJar().toString()),
                Map.of()).exitCode()).isZero();
        Files.delete(prefix.resolve("lib/trunkbill.jar"));

        Result launch = run(List.of(prefix.resolve("trunkbill").toString(), "history"), Map.of());

        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(launch.output().strip()).hasLineCount(1).contains("lib/trunkbill.jar is missing",
                "release layout", "never builds");
        assertThat(calls).doesNotExist();
    }

    @Test
    void aSourceCheckoutBuildsAStaleJarUnlessTrunkbillNoBuildIsSet() throws Exception {
        Path checkout = aSourceCheckout();
        Path jar = checkout.resolve("target/trunkbill.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "old jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        List<String> history = List.of(checkout.resolve("trunkbill").toString(), "history");

        Result noBuild = run(history, Map.of("TRUNKBILL_NO_BUILD", "1"));

        assertThat(noBuild.exitCode()).as(noBuild.output()).isZero();
        assertThat(Files.readString(calls)).isEqualTo("java -Xmx2g -Dtrunkbill.home=" + checkout + " -jar " + jar
                + " history\n");

        Result build = run(history, Map.of());

        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output()).contains("trunkbill: building " + jar);
        assertThat(Files.readString(calls)).endsWith("mvnw -B -q -DskipTests package\njava -Xmx2g -Dtrunkbill.home="
                + checkout + " -jar " + jar + " history\n");
    }

    @Test
    void withTrunkbillNoBuildAMissingJarFailsInOneLine() throws Exception {
        Path checkout = aSourceCheckout();

        Result launch = run(List.of(checkout.resolve("trunkbill").toString(), "history"),
                Map.of("TRUNKBILL_NO_BUILD", "yes"));

        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(launch.output().strip()).hasLineCount(1).contains("target/trunkbill.jar is missing and "
                + "TRUNKBILL_NO_BUILD is set");
        assertThat(calls).doesNotExist();
    }

    private Path aJar() throws IOException {
        return Files.writeString(work.resolve("trunkbill-1.0.0.jar"), "not really a jar");
    }

    /** The launcher beside a pom.xml, a stand-in mvnw and sources. */
    private Path aSourceCheckout() throws IOException {
        Path checkout = Files.createDirectories(work.resolve("checkout"));
        Files.copy(Path.of("trunkbill"), checkout.resolve("trunkbill"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Files.createDirectories(checkout.resolve("src/main/java"));
        Files.writeString(checkout.resolve("src/main/java/Some.java"), "class Some {}");
        script(checkout.resolve("mvnw"), "echo \"mvnw $*\" >> '" + calls + "'; mkdir -p target; "
                + "echo 'new jar' > target/trunkbill.jar");
        return checkout;
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("TRUNKBILL_"));
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
