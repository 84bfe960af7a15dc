package com.trunkbill.cdr;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §4.1: the billing period of a CDR is the UTC month of its start_time. */
class AcceptedCdrTests {

    @Test
    void thePeriodIsTheUtcMonthOfTheStart() {
        assertThat(AcceptedCdr.periodOf(Instant.parse("2026-10-31T23:59:59.999999999Z"))).isEqualTo("2026-10");
        assertThat(AcceptedCdr.periodOf(Instant.parse("2026-11-01T00:00:00Z"))).isEqualTo("2026-11");
        assertThat(AcceptedCdr.periodOf(Instant.parse("1970-01-01T00:00:00Z"))).isEqualTo("1970-01");
        assertThat(AcceptedCdr.periodOf(Instant.parse("1969-12-31T23:59:59.5Z"))).isEqualTo("1969-12");
        assertThat(AcceptedCdr.periodOf(Instant.parse("0999-03-01T00:00:00Z"))).isEqualTo("0999-03");
    }

    @Test
    void thePeriodIsTheMonthOfTheStartAtUtcForAnyInstant() {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("uuuu-MM");
        Random random = new Random(20261207);
        for (int i = 0; i < 100_000; i++) {
            // 1000-01-01 to 9999-12-31, at any nanosecond
            long second = -30_610_224_000L + (long) (random.nextDouble() * 283_076_870_400L);
            Instant start = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
            assertThat(AcceptedCdr.periodOf(start)).as("%s", start).isEqualTo(start.atOffset(ZoneOffset.UTC).format(month));
        }
    }
}
