package com.trunkbill.scaleout;

import com.trunkbill.cli.OptionSpec;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.UsageException;

import java.util.Optional;

/** The {@code --broker} option shared by the manager commands and {@code worker}, and its checks. */
public final class ScaleOutOptions {

    public static final String BROKER = "broker";
    static final String H2_REFUSED = "remote partitioning needs PostgreSQL, given with --db jdbc:postgresql://...:"
            + " H2 is one process's database, the workers could not share it";

    private ScaleOutOptions() {
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
