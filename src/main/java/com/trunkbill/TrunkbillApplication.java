package com.trunkbill;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The Spring Boot application behind every trunkbill job. Started by {@link com.trunkbill.cli.TrunkbillMain}
 * (subcommands) or directly with {@code --spring.batch.job.name=...} (plain Spring Batch launch).
 */
@SpringBootApplication
public class TrunkbillApplication {

    /**
     * The clock of "now" where a result depends on it (the CDR bounds of {@code import-cdrs}): the system's UTC
     * clock, or, with {@code trunkbill.clock.fixed=<ISO instant>}, a clock stopped at that instant (tests, replays).
     */
    @Bean
    Clock clock(@Value("${trunkbill.clock.fixed:}") String fixed) {
        return fixed.isBlank() ? Clock.systemUTC() : Clock.fixed(Instant.parse(fixed.trim()), ZoneOffset.UTC);
    }
}
