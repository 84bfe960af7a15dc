# syntax=docker/dockerfile:1
# The trunkbill image that jobs/kubernetes/cronjob.yaml and compose.yaml run:
#   docker build -t registry.example.com/trunkbill:1.0.0 .
# Stage 1 builds the jar with the Maven wrapper on a JDK and extracts it into Spring Boot's layers (dependencies
# change rarely, the application often: a new release pushes only the small top layers), as plain jars: the
# application jar and lib/. Stage 2 is a JRE: it records a class data sharing archive with one training run (the
# launcher's fast start, docs/performance.md#start-up), runs as a non-root user (uid 10001) and works in /data:
# the default inbox/ and out/ folders are /data/inbox and /data/out (mount volumes there). Arguments are
# trunkbill's: docker run IMAGE nightly --db ... (see docs/deployment.md).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY sql/ sql/
COPY src/main/ src/main/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/trunkbill.jar extract --layers --destination extracted

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
# the archive is only valid for this JRE and this class path; every bean is created so that the jobs' classes are in it
RUN cd /tmp && java -XX:ArchiveClassesAtExit=/app/trunkbill.jsa -jar /app/trunkbill.jar history \
      --db jdbc:h2:mem:cds-training --spring.main.lazy-initialization=false >/dev/null 2>&1 \
 && test -s /app/trunkbill.jsa
WORKDIR /data
USER 10001:10001
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/trunkbill.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", "/app/trunkbill.jar"]
CMD ["--help"]
