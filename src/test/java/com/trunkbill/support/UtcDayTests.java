package com.trunkbill.support;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class UtcDayTests {

    @Test
    void theDayIsTheUtcDateOfTheInstant() {
        assertThat(UtcDay.of(Instant.parse("2026-10-31T23:59:59.999999999Z"))).hasToString("2026-10-31");
        assertThat(UtcDay.of(Instant.parse("2026-11-01T00:00:00Z"))).hasToString("2026-11-01");
        assertThat(UtcDay.of(Instant.parse("1969-12-31T23:59:59.5Z"))).hasToString("1969-12-31");
    }

    @Test
    void theDayIsTheOneAtOffsetUtcGivesForAnyInstant() {
        Random random = new Random(20261207);
        long from = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)),
                    random.nextInt(1_000_000_000));
            assertThat(UtcDay.of(instant)).as("%s", instant)
                    .isEqualTo(instant.atOffset(ZoneOffset.UTC).toLocalDate());
        }
    }
}
