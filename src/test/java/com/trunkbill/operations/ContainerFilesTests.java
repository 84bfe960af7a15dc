package com.trunkbill.operations;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Dockerfile and compose.yaml: static rules that always run (multi-stage build on Temurin 17, non-root JRE
 * image, Spring Boot layers, a class data sharing archive, the image name of jobs/kubernetes/cronjob.yaml, PostgreSQL set up with an owning role),
 * and Docker's own checks where the docker client can run them (skipped with the reason on the console otherwise).
 */
class ContainerFilesTests {

    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path COMPOSE = Path.of("compose.yaml");

    @Test
    void theDockerfileBuildsOnTemurin17JdkAndRunsOnTemurin17JreAsANonRootUser() throws IOException {
        List<String> instructions = instructions();
        List<String> froms = instructions.stream().filter(line -> line.startsWith("FROM ")).toList();

        assertThat(froms).containsExactly("FROM eclipse-temurin:17-jdk AS build", "FROM eclipse-temurin:17-jre");
        List<String> runtime = instructions.subList(instructions.indexOf(froms.get(1)), instructions.size());
        assertThat(runtime).filteredOn(line -> line.startsWith("USER ")).singleElement()
                .isEqualTo("USER 10001:10001");
        assertThat(instructions).anySatisfy(line -> assertThat(line).startsWith("RUN ")
                .contains("./mvnw -B -q -DskipTests package",
                        "java -Djarmode=tools -jar target/trunkbill.jar extract --layers --destination extracted"));
        assertThat(runtime).filteredOn(line -> line.startsWith("COPY --from=build")).containsExactly(
                "COPY --from=build /build/extracted/dependencies/ ./",
                "COPY --from=build /build/extracted/spring-boot-loader/ ./",
                "COPY --from=build /build/extracted/snapshot-dependencies/ ./",
                "COPY --from=build /build/extracted/application/ ./");
        // the fast start of docs/performance.md#start-up: a CDS archive recorded in the runtime image by a training
        // run of the same JRE and class path, mapped by every start
        List<String> beforeUser = runtime.subList(0, runtime.indexOf("USER 10001:10001"));
        assertThat(beforeUser).anySatisfy(line -> assertThat(line).startsWith("RUN ")
                .contains("-XX:ArchiveClassesAtExit=/app/trunkbill.jsa", "-jar /app/trunkbill.jar history",
                        "--spring.main.lazy-initialization=false"));
        assertThat(runtime).filteredOn(line -> line.startsWith("ENTRYPOINT ")).singleElement().asString()
                .contains("\"-XX:SharedArchiveFile=/app/trunkbill.jsa\"", "\"-jar\", \"/app/trunkbill.jar\"");
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).contains("target/", "data/", "out/", ".git");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheNightlyOfTheCronJobImageAgainstPostgres() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> nightly = (Map<String, Object>) services.get("nightly");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");

        assertThat(nightly.get("image")).isEqualTo(cronJobImage());
        assertThat(Files.readString(DOCKERFILE)).contains("docker build -t " + cronJobImage() + " .");
        assertThat(nightly).containsEntry("build", ".");
        List<String> command = (List<String>) nightly.get("command");
        assertThat(command).first().isEqualTo("nightly");
        assertThat(String.join(" ", command)).contains("--db jdbc:postgresql://postgres:5432/trunkbill",
                "--db-user trunkbill", "--output-dir /data/out", "--cdr-dir /data/inbox/cdrs").doesNotContain("--finalize");
        assertThat((List<String>) nightly.get("volumes")).anySatisfy(volume -> assertThat(volume).endsWith(":/data/inbox:ro"))
                .anySatisfy(volume -> assertThat(volume).endsWith(":/data/out"));
        assertThat((Map<String, Object>) nightly.get("depends_on")).containsEntry("postgres",
                Map.of("condition", "service_healthy"));
        assertThat((Map<String, String>) nightly.get("environment")).hasEntrySatisfying("TRUNKBILL_DB_PASSWORD",
                value -> assertThat(value).startsWith("${TRUNKBILL_DB_PASSWORD:?"));

        assertThat((String) postgres.get("image")).startsWith("postgres:");
        assertThat((List<String>) postgres.get("volumes"))
                .contains("./jobs/compose/initdb:/docker-entrypoint-initdb.d:ro");
        assertThat(Files.readString(Path.of("jobs/compose/initdb/10-trunkbill-database.sh")))
                .contains("CREATE ROLE trunkbill LOGIN PASSWORD :'password';",
                        "CREATE DATABASE trunkbill OWNER trunkbill;");
    }

    @Test
    void dockerComposeAcceptsComposeYaml() throws Exception {
        // docker compose (v2 plugin) or else Debian's docker-compose (v1): both check a file without an engine
        List<String> compose = List.of("docker", "compose");
        Result version = run(compose, "version");
        if (version.exitCode() != 0) {
            compose = List.of("docker-compose");
            Result legacy = run(compose, "version");
            assumeTrue(legacy.exitCode() == 0, "neither docker compose nor docker-compose is installed here, so "
                    + "compose.yaml was not checked by Docker (" + version.firstLine() + "); the static checks ran");
        }

        Result config = run(compose, "--file", COMPOSE.toString(), "config", "--quiet");

        assertThat(config.exitCode()).as(config.output()).isZero();
    }

    @Test
    void dockerBuildChecksTheDockerfile() throws Exception {
        Result buildx = run(List.of("docker"), "buildx", "version");
        assumeTrue(buildx.exitCode() == 0, "docker buildx is not available here, so the Dockerfile was not checked "
                + "by Docker (" + buildx.firstLine() + "); the static checks still ran");
        Result engine = run(List.of("docker"), "info", "--format", "{{.ServerVersion}}");
        assumeTrue(engine.exitCode() == 0, "no Docker engine reachable, so the Dockerfile was not checked by "
                + "docker build --check; the static checks still ran");

        Result check = run(List.of("docker"), "build", "--check", ".");

        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    private static List<String> instructions() throws IOException {
        // one instruction per line once continuation lines are joined; comments and blank lines dropped
        String joined = Files.readString(DOCKERFILE).replaceAll("\\\\\\n\\s*", " ");
        return joined.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(COMPOSE));
    }

    @SuppressWarnings("unchecked")
    private static String cronJobImage() throws IOException {
        Map<String, Object> cronJob = new Yaml().load(Files.readString(Path.of("jobs/kubernetes/cronjob.yaml")));
        Map<String, Object> jobSpec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                cronJob.get("spec")).get("jobTemplate")).get("spec");
        Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) jobSpec.get("template")).get("spec");
        return (String) ((List<Map<String, Object>>) podSpec.get("containers")).get(0).get("image");
    }

    private record Result(int exitCode, String output) {
        String firstLine() {
            return output.lines().findFirst().orElse("no output").strip();
        }
    }

    /** Runs a docker client; a program not on PATH is exit 127. */
    private static Result run(List<String> program, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(program);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("POSTGRES_PASSWORD", "compose-config-check");
        builder.environment().put("TRUNKBILL_DB_PASSWORD", "compose-config-check");
        Process process;
        try {
            process = builder.start();
        } catch (IOException noDocker) {
            return new Result(127, program.get(0) + " is not on PATH");
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(124, String.join(" ", command) + " did not answer in 60 s");
        }
        return new Result(process.exitValue(), output);
    }
}
