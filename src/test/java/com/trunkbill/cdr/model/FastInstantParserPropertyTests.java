package com.trunkbill.cdr.model;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FastInstantParser accepts exactly what java.time accepts ({@code OffsetDateTime.parse} with ISO_OFFSET_DATE_TIME,
 * bounded to the years 0001-9999 the databases store), with the same instant: on random valid instants, on
 * randomly mutated text, and on texts built field by field from valid and invalid values (fixed seeds).
 */
class FastInstantParserPropertyTests {

    /** What the parser must do, written with java.time only. */
    private static Instant reference(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return instant.isBefore(FastInstantParser.EARLIEST) || instant.isAfter(FastInstantParser.LATEST)
                    ? null : instant;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Parser and reference agree; when the fast path answers, its answer is java.time's (unbounded). */
    private static void assertSameAsJavaTime(String text) {
        assertThat(FastInstantParser.parseOrNull(text)).as(text).isEqualTo(reference(text));
        Instant fast = FastInstantParser.fastPath(text);
        if (fast != null) {
            assertThat(fast).as("fast path of %s", text).isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @Test
    void equalsJavaTimeOnRandomValidInstants() {
        Random random = new Random(20261001);
        int fastPathTaken = 0;
        for (int i = 0; i < 5_000; i++) {
            long epochSecond = -2_000_000_000L + (long) (random.nextDouble() * 6_000_000_000L);
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            ZoneOffset offset = random.nextBoolean() ? ZoneOffset.UTC
                    : ZoneOffset.ofTotalSeconds((random.nextInt(36 * 4 + 1) - 18 * 4) * 900);
            // toString() writes seconds only when non-zero ("...T23:56-15:00"): ISO too, left to java.time
            String text = OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond, nanos), offset).toString();
            assertSameAsJavaTime(text);
            if (FastInstantParser.fastPath(text) != null) {
                fastPathTaken++;
            }
        }
        assertThat(fastPathTaken).isGreaterThan(4_800);
    }

    @Test
    void equalsJavaTimeOnRandomlyMutatedText() {
        Random random = new Random(42);
        String alphabet = "0123456789-:T.Z+ tz";
        for (int i = 0; i < 20_000; i++) {
            char[] text = (random.nextBoolean() ? "2026-10-31T23:59:59.123+01:30" : "2028-02-29T00:00:00.5-18:00").toCharArray();
            int length = 20 + random.nextInt(text.length - 19);
            for (int m = random.nextInt(3) + 1; m > 0; m--) {
                text[random.nextInt(length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            assertSameAsJavaTime(new String(text, 0, length));
        }
    }

    @Test
    void equalsJavaTimeOnTextsBuiltFromValidAndInvalidFields() {
        Random random = new Random(8);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = year(random) + separator(random, '-') + twoDigits(random, 0, 13) + separator(random, '-')
                    + twoDigits(random, 0, 32) + separator(random, 'T') + twoDigits(random, 0, 24)
                    + separator(random, ':') + twoDigits(random, 0, 60) + seconds(random) + fraction(random)
                    + offset(random);
            assertSameAsJavaTime(text);
            if (reference(text) == null) {
                rejected++;
            } else {
                accepted++;
            }
        }
        // both sides of the language are exercised, not only one
        assertThat(accepted).isGreaterThan(20_000);
        assertThat(rejected).isGreaterThan(20_000);
    }

    @Test
    void theEdgesOfTheStoredYearsAreTheSameWhateverTheOffset() {
        Random random = new Random(9999);
        String[] edges = {"0001-01-01T00:00:00", "0001-01-01T00:59:59.999999999", "0000-12-31T23:00:00",
                "9999-12-31T23:59:59", "9999-12-31T23:59:59.999999999", "9999-12-31T18:00:00", "9999-12-31T00:00:00"};
        for (String edge : edges) {
            for (int i = 0; i < 200; i++) {
                assertSameAsJavaTime(edge + offset(random));
            }
            assertSameAsJavaTime(edge + "-18:00");
            assertSameAsJavaTime(edge + "+18:00");
            assertSameAsJavaTime(edge + "-00:01");
            assertSameAsJavaTime(edge + "+00:01");
        }
    }

    private static String year(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "0000";
            case 1 -> "0001";
            case 2 -> "9999";
            case 3 -> String.valueOf(random.nextInt(1000));            // 1 to 3 digits
            case 4 -> "+" + (10000 + random.nextInt(90000));           // 5 digits need a sign in ISO
            case 5 -> "-" + String.format("%04d", random.nextInt(10000));
            case 6 -> String.format("%04d", random.nextInt(10000));
            case 7 -> random.nextBoolean() ? "2100" : "2000";          // century rules of February 29
            default -> String.valueOf(2024 + random.nextInt(6));
        };
    }

    private static String separator(Random random, char expected) {
        return random.nextInt(200) == 0 ? String.valueOf("-:T t/Z".charAt(random.nextInt(7))) : String.valueOf(expected);
    }

    /** Mostly two digits in [from, to], sometimes one or three digits, a sign or a letter. */
    private static String twoDigits(Random random, int from, int to) {
        return switch (random.nextInt(60)) {
            case 0 -> String.valueOf(random.nextInt(10));
            case 1 -> String.format("%03d", random.nextInt(1000));
            case 2 -> "+" + random.nextInt(10);
            case 3 -> "x" + random.nextInt(10);
            default -> String.format("%02d", from + random.nextInt(to - from + 1));
        };
    }

    private static String seconds(Random random) {
        return switch (random.nextInt(20)) {
            case 0 -> "";                                              // HH:MM: ISO, left to java.time
            case 1 -> ":";
            default -> ":" + twoDigits(random, 0, 60);
        };
    }

    private static String fraction(Random random) {
        int kind = random.nextInt(10);
        if (kind < 4) {
            return "";
        }
        if (kind == 4) {
            return ".";
        }
        if (kind == 5) {
            return "," + random.nextInt(1000);
        }
        StringBuilder digits = new StringBuilder(".");
        for (int n = 1 + random.nextInt(11); n > 0; n--) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static String offset(Random random) {
        return switch (random.nextInt(16)) {
            case 0, 1, 2, 3, 4 -> "Z";
            case 5 -> "z";
            case 6 -> "";
            case 7 -> (random.nextBoolean() ? "+" : "-") + twoDigits(random, 0, 19) + twoDigits(random, 0, 60);
            case 8 -> (random.nextBoolean() ? "+" : "-") + twoDigits(random, 0, 19);
            case 9 -> (random.nextBoolean() ? "+" : "-") + twoDigits(random, 0, 19) + ":" + twoDigits(random, 0, 59)
                    + ":" + twoDigits(random, 0, 60);
            case 10 -> (random.nextBoolean() ? "+" : "-") + "18:" + twoDigits(random, 0, 1);
            case 11 -> random.nextBoolean() ? "+00:00" : "-00:00";
            default -> (random.nextBoolean() ? "+" : "-") + twoDigits(random, 0, 19) + ":" + twoDigits(random, 0, 60);
        };
    }
}
