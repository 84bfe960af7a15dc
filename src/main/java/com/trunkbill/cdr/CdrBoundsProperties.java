package com.trunkbill.cdr;

import com.trunkbill.cdr.model.CdrBounds;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The sane bounds of an accepted CDR ({@link CdrBounds}) from properties {@code trunkbill.cdr.bounds.max-duration}
 * (default {@code 7d}), {@code trunkbill.cdr.bounds.max-age} ({@code 90d}),
 * {@code trunkbill.cdr.bounds.future-tolerance} ({@code 1d}); {@code trunkbill.cdr.bounds.enabled=false} turns
 * them off. Durations in Spring Boot's form ({@code 7d}, {@code 36h}, {@code PT90M}). Read when a job starts.
 */
@Component
public class CdrBoundsProperties {

    static final String PREFIX = "trunkbill.cdr.bounds.";

    private final Environment environment;

    public CdrBoundsProperties(Environment environment) {
        this.environment = environment;
    }

    /** The configured bounds; null when they are turned off. */
    public CdrBounds bounds() {
        if (!environment.getProperty(PREFIX + "enabled", Boolean.class, true)) {
            return null;
        }
        return new CdrBounds(duration("max-duration", CdrBounds.DEFAULT.maxDuration()),
                duration("max-age", CdrBounds.DEFAULT.maxAge()),
                duration("future-tolerance", CdrBounds.DEFAULT.futureTolerance()));
    }

    private Duration duration(String name, Duration defaultValue) {
        return environment.getProperty(PREFIX + name, Duration.class, defaultValue);
    }
}
