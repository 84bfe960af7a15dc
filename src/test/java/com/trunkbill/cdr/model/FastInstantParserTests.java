package com.trunkbill.cdr.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FastInstantParserTests {

    @Test
    void readsUtcWithAndWithoutFraction() {
        assertThat(FastInstantParser.parseOrNull("2026-10-01T00:00:00Z")).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(FastInstantParser.parseOrNull("2026-10-31T23:59:59.999Z"))
                .isEqualTo(Instant.parse("2026-10-31T23:59:59.999Z"));
        assertThat(FastInstantParser.parseOrNull("2026-10-05T14:03:11.5Z"))
                .isEqualTo(Instant.parse("2026-10-05T14:03:11.500Z"));
        assertThat(FastInstantParser.parseOrNull("2026-10-05T14:03:11.123456789Z"))
                .isEqualTo(Instant.parse("2026-10-05T14:03:11.123456789Z"));
    }

    @Test
    void appliesTheOffset() {
        // 21:30 at -03:00 is 00:30 UTC on the next day
        assertThat(FastInstantParser.parseOrNull("2026-10-31T21:30:00.250-03:00"))
                .isEqualTo(Instant.parse("2026-11-01T00:30:00.250Z"));
        // 05:45 at +05:45 (Nepal) is midnight UTC
        assertThat(FastInstantParser.parseOrNull("2026-10-01T05:45:00+05:45")).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    }

    @Test
    void leapDayAndCenturyRules() {
        assertThat(FastInstantParser.parseOrNull("2028-02-29T12:00:00Z")).isEqualTo(Instant.parse("2028-02-29T12:00:00Z"));
        assertThat(FastInstantParser.parseOrNull("2000-02-29T12:00:00Z")).isEqualTo(Instant.parse("2000-02-29T12:00:00Z"));
        assertThat(FastInstantParser.parseOrNull("2100-02-29T12:00:00Z")).isNull();
        assertThat(FastInstantParser.parseOrNull("2026-02-29T12:00:00Z")).isNull();
    }

    @Test
    void takesTheFastPathForTheCommonLayouts() {
        assertThat(FastInstantParser.fastPath("2026-10-01T00:00:00Z")).isNotNull();
        assertThat(FastInstantParser.fastPath("2026-10-01T00:00:00.123+02:00")).isNotNull();
        // lower-case designators are ISO too, but left to java.time
        assertThat(FastInstantParser.fastPath("2026-10-01t00:00:00z")).isNull();
        assertThat(FastInstantParser.parseOrNull("2026-10-01t00:00:00z")).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-10-05 14:03:11", "2026-10-05T14:03:11", "2026-10-05", "2026-13-01T00:00:00Z",
            "2026-10-32T00:00:00Z", "2026-10-01T24:00:00Z", "2026-10-01T00:60:00Z", "2026-10-01T00:00:60Z",
            "2026-10-01T00:00:00.1234567891Z", "2026-10-01T00:00:00+19:00",
            "2026-10-01T00:00:00+0200", "2026-10-01T00:00:00 Z", "yesterday", "", "1696159200"})
    void refusesWhatIsNotAnInstantWithOffset(String text) {
        assertThat(FastInstantParser.parseOrNull(text)).isNull();
    }

    @Test
    void instantsOutsideTheYearsTheDatabasesStoreAreNotInstants() {
        // found by ReaderFuzzFunctionalTests: year 0 and year -999999999 broke the import on PostgreSQL and H2
        assertThat(FastInstantParser.parseOrNull("0000-01-01T00:00:00Z")).isNull();
        assertThat(FastInstantParser.parseOrNull("-999999999-01-01T00:00:00Z")).isNull();
        assertThat(FastInstantParser.parseOrNull("+999999999-12-31T23:59:59Z")).isNull();
        assertThat(FastInstantParser.parseOrNull("+10000-01-01T00:00:00Z")).isNull();
        assertThat(FastInstantParser.parseOrNull("0001-01-01T00:00:00Z")).isEqualTo(FastInstantParser.EARLIEST);
        assertThat(FastInstantParser.parseOrNull("9999-12-31T23:59:59Z")).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        // found by FastInstantParserPropertyTests: 23:00 at -05:00 on the last day of 9999 is 04:00 UTC in year 10000,
        // which java.time's path refused but the fast path accepted
        assertThat(FastInstantParser.parseOrNull("9999-12-31T23:00:00-05:00")).isNull();
        assertThat(FastInstantParser.parseOrNull("9999-12-31T23:00:00+05:00")).isEqualTo(Instant.parse("9999-12-31T18:00:00Z"));
        assertThat(FastInstantParser.parseOrNull("0001-01-01T00:30:00+01:00")).isNull();
    }
}
