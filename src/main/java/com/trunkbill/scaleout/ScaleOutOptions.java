package com.trunkbill.scaleout;

import com.trunkbill.cli.OptionSpec;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.UsageException;

import org.springframework.batch.core.job.parameters.JobParameters;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The options shared by the manager commands ({@code --partitions}, {@code --broker}) and {@code worker}, and their
 * checks.
 */
public final class ScaleOutOptions {

    public static final String BROKER = "broker";
    /** The option {@code --partitions K} and the job parameter (not identifying) it becomes. */
    public static final String PARTITIONS = "partitions";
    /** The most partitions a step is split into. */
    public static final int MAX_PARTITIONS = 64;
    static final String H2_REFUSED = "remote partitioning needs PostgreSQL, given with --db jdbc:postgresql://...:"
            + " H2 is one process's database, the workers could not share it";

    private ScaleOutOptions() {
    }

    /** {@code --partitions K}: a positive count of at most {@value #MAX_PARTITIONS}; empty when not given. */
    public static Optional<Long> partitions(ParsedOptions options) {
        Optional<Long> partitions = options.positiveLong(PARTITIONS);
        if (partitions.isPresent() && partitions.get() > MAX_PARTITIONS) {
            throw new UsageException("--partitions " + partitions.get() + " is more than " + MAX_PARTITIONS);
        }
        return partitions;
    }

    /** The job parameter {@value #PARTITIONS}, checked against the bound; empty when not given. */
    public static OptionalInt partitions(JobParameters parameters) {
        Long partitions = parameters.getLong(PARTITIONS);
        if (partitions == null) {
            return OptionalInt.empty();
        }
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException(PARTITIONS + " must be 1 to " + MAX_PARTITIONS + ", not " + partitions);
        }
        return OptionalInt.of(partitions.intValue());
    }

    /** {@code --broker URL}: sets {@code trunkbill.broker.url}. */
    public static OptionSpec broker(String description) {
        return OptionSpec.optional(BROKER, "URL", description).mapsTo("trunkbill.broker.url");
    }

    /**
     * With {@code --broker}: checks the broker URL and that the database is PostgreSQL (refused before anything
     * starts; an H2 file cannot be shared by the manager and the workers).
     *
     * @return whether the command runs with a broker
     */
    public static boolean checkBroker(ParsedOptions options) {
        Optional<String> broker = options.get(BROKER);
        if (broker.isEmpty()) {
            return false;
        }
        String url = broker.get();
        if (!url.matches("(tcp|ssl)://[^/\\s]+(\\?.*)?")) {
            throw new UsageException("--broker " + url + " is not a broker address (e.g. tcp://broker:61616)");
        }
        String db = options.get("db").orElse("jdbc:h2:file:./data/trunkbill (the default)");
        if (!db.startsWith("jdbc:postgresql:")) {
            throw new UsageException("--broker with --db " + db + ": " + H2_REFUSED);
        }
        return true;
    }
}
