package com.trunkbill.cdr.model;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** FastInstantParser accepts exactly what OffsetDateTime.parse accepts, with the same instant. */
class FastInstantParserPropertyTests {

    private static Instant reference(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            return null;
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
            assertThat(FastInstantParser.parseOrNull(text)).as(text).isEqualTo(reference(text));
            Instant fast = FastInstantParser.fastPath(text);
            if (fast != null) {
                fastPathTaken++;
                assertThat(fast).as(text).isEqualTo(reference(text));
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
            String candidate = new String(text, 0, length);
            assertThat(FastInstantParser.parseOrNull(candidate)).as(candidate).isEqualTo(reference(candidate));
        }
    }
}
