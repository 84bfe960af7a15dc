package com.trunkbill.cli;

import com.trunkbill.support.BillingPeriod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The options given to one subcommand, with typed accessors that turn bad values into {@link UsageException}. */
public final class ParsedOptions {

    private final String command;
    private final Map<String, String> values;

    ParsedOptions(String command, Map<String, String> values) {
        this.command = command;
        this.values = Map.copyOf(values);
    }

    /** For tests and tools that build options by hand. */
    public static ParsedOptions of(String command, Map<String, String> values) {
        return new ParsedOptions(command, values);
    }

    /** The subcommand these options were given to. */
    public String command() {
        return command;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public Path existingDirectory(String name) {
        Path dir = Path.of(require(name));
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--" + name + " " + dir + " is not a directory");
        }
        return dir.toAbsolutePath().normalize();
    }

    /**
     * The folder of option {@code name}, which must hold at least one of {@code fileNames}: a folder with none of
     * them is a mistaken path, not an empty import.
     */
    public Path directoryWithAnyOf(String name, List<String> fileNames) {
        Path dir = existingDirectory(name);
        if (fileNames.stream().noneMatch(fileName -> Files.exists(dir.resolve(fileName)))) {
            throw new UsageException("--" + name + " " + dir + " has none of the expected files "
                    + String.join(", ", fileNames));
        }
        return dir;
    }

    public Optional<BillingPeriod> period(String name) {
        return get(name).map(value -> {
            try {
                return BillingPeriod.parse(value);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--" + name + " " + value + " is not a period YYYY-MM");
            }
        });
    }

    public Optional<Instant> instant(String name) {
        return get(name).map(value -> {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new UsageException("--" + name + " " + value
                        + " is not an ISO-8601 instant with offset (e.g. 2026-10-01T00:00:00Z)");
            }
        });
    }

    public Optional<LocalDate> date(String name) {
        return get(name).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new UsageException("--" + name + " " + value + " is not a date YYYY-MM-DD");
            }
        });
    }

    public Optional<Long> positiveLong(String name) {
        return get(name).map(value -> {
            try {
                long parsed = Long.parseLong(value);
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("--" + name + " " + value + " is not a positive whole number");
        });
    }
}
