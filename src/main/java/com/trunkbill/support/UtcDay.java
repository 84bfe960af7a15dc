package com.trunkbill.support;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The UTC calendar day of an instant, by its day number. {@code instant.atOffset(ZoneOffset.UTC)} asks
 * {@code ZoneOffset.getRules()}, which builds new {@code ZoneRules} on every call in Java 17: 3 % of the reading
 * threads' samples in a 10M-CDR import, where every CDR's period and rating day come from its start.
 */
public final class UtcDay {

    private static final long SECONDS_PER_DAY = 86_400;

    private UtcDay() {
    }

    public static LocalDate of(Instant instant) {
        return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY));
    }
}
