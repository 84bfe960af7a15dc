# syntax=docker/dockerfile:1
# The trunkbill image that jobs/kubernetes/cronjob.yaml and compose.yaml run:
#   docker build -t registry.example.com/trunkbill:1.0.0 .
# Stage 1 builds the jar with the Maven wrapper on a JDK and splits it into Spring Boot's layers (dependencies
# change rarely, the application often: a new release pushes only the small top layers). Stage 2 is a JRE, runs
# as a non-root user (uid 10001) and works in /data: the default inbox/ and out/ folders are /data/inbox and
# /data/out (mount volumes there). Arguments are trunkbill's: docker run IMAGE nightly --db ... (see docs/deployment.md).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY sql/ sql/
COPY src/main/ src/main/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/trunkbill.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 trunkbill \
 && useradd --system --uid 10001 --gid trunkbill --home-dir /data --no-create-home trunkbill \
 && mkdir -p /data/inbox /data/out \
 && chown -R 10001:10001 /data
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
WORKDIR /data
USER 10001:10001
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher"]
CMD ["--help"]
