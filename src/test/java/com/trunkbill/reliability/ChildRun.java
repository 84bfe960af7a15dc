package com.trunkbill.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** One trunkbill command in its own JVM, from the built jar; its output is kept in memory and in a log file. */
final class ChildRun {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private final long startNanos = System.nanoTime();

    private ChildRun(Process process, Path log) {
        this.process = process;
        this.reader = new Thread(() -> copyOutput(log), "child-output");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static ChildRun start(Path jar, Path workDir, List<String> arguments, Path log) {
        return start(jar, workDir, arguments, java.util.Map.of(), log);
    }

    /** With {@code environment} added to this JVM's environment (e.g. {@code TRUNKBILL_BROKER_PARTITION_TIMEOUT}). */
    static ChildRun start(Path jar, Path workDir, List<String> arguments, java.util.Map<String, String> environment,
                          Path log) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx768m", "-jar", jar.toString()));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "$ trunkbill " + String.join(" ", arguments) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new ChildRun(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void copyOutput(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                Files.writeString(log, line + "\n", StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            // the process was killed: its output ends here
        }
    }

    /** Waits until the process exits (true) or {@code deadlineMillis} after its start passes (false). */
    boolean waitForExitUntil(long deadlineMillis) throws InterruptedException {
        long remaining = deadlineMillis - elapsedMillis();
        return remaining <= 0 ? !process.isAlive() : process.waitFor(remaining, TimeUnit.MILLISECONDS);
    }

    /** Waits until {@code count} output lines match, or the process exits (false). */
    boolean waitForLines(Predicate<String> matching, int count, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < end) {
            if (lines.stream().filter(matching).count() >= count) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** SIGKILL (kill -9): no shutdown hook, no finally block, no database close runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
        reader.join(5_000);
    }

    /** SIGTERM (kill -15): what a service manager or Kubernetes sends to stop a process. */
    void terminate() {
        process.destroy();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int waitForExit(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child did not end within " + timeoutSeconds + " s");
        }
        reader.join(5_000);
        return process.exitValue();
    }

    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String lastLine() {
        return lines.isEmpty() ? "(no output yet)" : lines.get(lines.size() - 1);
    }
}
