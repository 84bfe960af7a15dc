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
        assertThat(launches()).containsExactly("java -Xmx2g -XX:TieredStopAtLevel=1 -Dtrunkbill.home=" + prefix
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
        assertThat(launches()).singleElement().asString().startsWith("java -Xmx2g -Dtrunkbill.home=" + prefix
                + " -jar " + prefix.resolve("lib/trunkbill.jar") + " nightly --date 2026-10-14 --inventory-dir ");
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
        assertThat(launches()).containsExactly("java -Xmx2g -XX:TieredStopAtLevel=1 -Dtrunkbill.home=" + checkout
                + " -jar " + jar + " history");

        Result build = run(history, Map.of());

        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output()).contains("trunkbill: building " + jar);
        assertThat(launches()).containsSubsequence("mvnw -B -q -DskipTests package", "java -Xmx2g "
                + "-XX:TieredStopAtLevel=1 -Dtrunkbill.home=" + checkout + " -jar " + jar + " history");
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

    @Test
    void aFastStartExtractsTheJarOnceTrainsAClassDataSharingArchiveAndRunsFromThem() throws Exception {
        script(bin.resolve("java"), "echo \"java $*\" >> '" + calls + "'\n"
                + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*) echo cds > \"${a#*=}\";; esac; done\n"
                + "if [[ \"$*\" == *' extract --destination '* ]]; then mkdir -p \"${@: -1}\"; "
                + "echo extracted > \"${@: -1}/trunkbill.jar\"; fi");
        Path prefix = work.resolve("prefix");
        assertThat(run(List.of("jobs/install.sh", "--prefix", prefix.toString(), "--jar", aJar().toString()),
                Map.of()).exitCode()).isZero();
        List<String> history = List.of(prefix.resolve("trunkbill").toString(), "history");

        Result first = run(history, Map.of());

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("trunkbill: preparing a fast start for this jar in "
                + prefix.resolve("lib/fast-start"));
        List<String> firstCalls = Files.readAllLines(calls);
        assertThat(firstCalls).hasSize(3);
        assertThat(firstCalls.get(0)).startsWith("java -Djarmode=tools -jar " + prefix.resolve("lib/trunkbill.jar")
                + " extract --destination " + prefix.resolve("lib/fast-start"));
        Path fast = Files.list(prefix.resolve("lib/fast-start")).filter(Files::isDirectory)
                .filter(dir -> !dir.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        assertThat(firstCalls.get(1)).isEqualTo("java -Xmx2g -XX:ArchiveClassesAtExit=" + fast + "/app.jsa."
                + firstCalls.get(1).replaceAll(".*app\\.jsa\\.([0-9]+) .*", "$1") + " -Dtrunkbill.home=" + prefix
                + " -jar " + fast + "/trunkbill.jar import-inventory --dir inventory"
                + " --db jdbc:h2:mem:trunkbill-cds-training --spring.main.lazy-initialization=false");
        String launch = "java -Xmx2g -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=" + fast + "/app.jsa "
                + "-Xlog:cds=off -Xlog:cds+dynamic=off -Dtrunkbill.home=" + prefix + " -jar " + fast
                + "/trunkbill.jar history";
        assertThat(firstCalls.get(2)).isEqualTo(launch);
        assertThat(fast.resolve("app.jsa")).hasContent("cds");

        Files.delete(calls);
        Result second = run(history, Map.of());

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).doesNotContain("preparing");
        assertThat(Files.readAllLines(calls)).containsExactly(launch);

        Files.delete(calls);
        Result off = run(List.of(prefix.resolve("trunkbill").toString(), "rate"), Map.of("TRUNKBILL_FAST_START", "0"));

        assertThat(off.exitCode()).as(off.output()).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("java -Xmx2g -Dtrunkbill.home=" + prefix + " -jar "
                + prefix.resolve("lib/trunkbill.jar") + " rate");
    }

    @Test
    void aFastStartTrainsOnAOneTrunkInventoryAndFallsBackToHistoryWhenThatFails() throws Exception {
        // the training job's input is checked as the stand-in java sees it; an import-inventory training fails
        script(bin.resolve("java"), "echo \"java $*\" >> '" + calls + "'\n"
                + "if [[ \"$*\" == *' extract --destination '* ]]; then mkdir -p \"${@: -1}\"; "
                + "echo extracted > \"${@: -1}/trunkbill.jar\"; exit 0; fi\n"
                + "if [[ \"$*\" == *' import-inventory --dir inventory '* ]]; then "
                + "cat inventory/accounts.csv inventory/service-addresses.csv inventory/trunks.csv > '"
                + work.resolve("training-inventory.csv") + "'; exit 1; fi\n"
                + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*) echo cds > \"${a#*=}\";; esac; done");
        Path prefix = work.resolve("prefix");
        assertThat(run(List.of("jobs/install.sh", "--prefix", prefix.toString(), "--jar", aJar().toString()),
                Map.of()).exitCode()).isZero();

        Result first = run(List.of(prefix.resolve("trunkbill").toString(), "history"), Map.of());

        assertThat(first.exitCode()).as(first.output()).isZero();
        List<String> calls = Files.readAllLines(this.calls);
        assertThat(calls).hasSize(4);
        assertThat(calls.get(1)).contains(" import-inventory --dir inventory --db jdbc:h2:mem:trunkbill-cds-training");
        assertThat(calls.get(2)).contains(" history --db jdbc:h2:mem:trunkbill-cds-training");
        assertThat(Files.readAllLines(work.resolve("training-inventory.csv"))).containsExactly(
                "account_id,name,currency,country,price_list,vat_id,billing_street,billing_city,billing_postal_code,"
                        + "billing_state",
                "ACC-CDS,CDS training,USD,US,STANDARD,,1 Main St,Austin,78701,TX",
                "address_id,account_id,street,city,county,state,postal_code,country",
                "ADDR-CDS,ACC-CDS,1 Main St,Austin,Travis,TX,78701,US",
                "trunk_id,account_id,name,trunk_type,data_center,channels,channel_plan,service_address_id,"
                        + "admin_status,action_status,created_at,deleted_at",
                "TRK-CDS,ACC-CDS,cds,STATIC,NEW_YORK,1,UNLIMITED_US,ADDR-CDS,ENABLED,SUCCESS,2026-01-01T00:00:00Z,");
        Path fast = Files.list(prefix.resolve("lib/fast-start")).filter(Files::isDirectory)
                .filter(dir -> !dir.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        assertThat(fast.resolve("app.jsa")).hasContent("cds");
        assertThat(calls.get(3)).contains("-XX:SharedArchiveFile=" + fast + "/app.jsa ").endsWith(" history");
    }

    /** The recorded calls of java that launch trunkbill: without the fast start's extraction, which fails here. */
    private List<String> launches() throws IOException {
        return Files.readAllLines(calls).stream().filter(call -> !call.contains("-Djarmode=tools")).toList();
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
