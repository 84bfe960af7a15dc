package com.trunkbill.rating.model;

import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.ratetable.model.EffectiveDates;
import com.trunkbill.ratetable.model.RateRow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static com.trunkbill.rating.model.Examples.dates;
import static com.trunkbill.rating.model.Examples.rate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateBookTests {

    private static final LocalDate OCT_5 = LocalDate.parse("2026-10-05");

    private final RateRow us = rate("STANDARD", Direction.OUTBOUND, "1", "United States", "0.0100", 6, 6, "0",
            EffectiveDates.ALWAYS);
    private final RateRow newYork = rate("STANDARD", Direction.OUTBOUND, "1212", "United States - New York",
            "0.0080", 6, 6, "0", EffectiveDates.ALWAYS);
    private final RateRow usInbound = rate("STANDARD", Direction.INBOUND, "1", "United States", "0.0050", 6, 6, "0",
            EffectiveDates.ALWAYS);
    private final RateRow euUs = rate("ENTERPRISE_EU", Direction.OUTBOUND, "1", "United States", "0.0090", 6, 6, "0",
            EffectiveDates.ALWAYS);
    private final RateBook book = RateBook.of(List.of(us, newYork, usInbound, euUs));

    @Test
    void longestPrefixWins() {
        // +1 212 ... matches both "1" and "1212": the longer one is used
        assertThat(book.longestPrefixMatch("STANDARD", Direction.OUTBOUND, "12125551234", OCT_5)).contains(newYork);
        // +1 312 ... (Chicago) only matches "1"
        assertThat(book.longestPrefixMatch("STANDARD", Direction.OUTBOUND, "13125551234", OCT_5)).contains(us);
    }

    @Test
    void priceListAndDirectionSelectTheTrie() {
        assertThat(book.longestPrefixMatch("STANDARD", Direction.INBOUND, "12125551234", OCT_5)).contains(usInbound);
        assertThat(book.longestPrefixMatch("ENTERPRISE_EU", Direction.OUTBOUND, "12125551234", OCT_5)).contains(euUs);
        assertThat(book.longestPrefixMatch("ENTERPRISE_EU", Direction.INBOUND, "12125551234", OCT_5)).isEmpty();
        assertThat(book.longestPrefixMatch("NO_SUCH_LIST", Direction.OUTBOUND, "12125551234", OCT_5)).isEmpty();
        assertThat(book.longestPrefixMatch("STANDARD", Direction.OUTBOUND, "4915112345678", OCT_5)).isEmpty();
    }

    @Test
    void aRateThatChangesOnThe15th() {
        RateRow before = rate("STANDARD", Direction.OUTBOUND, "4915", "Germany - Mobile", "0.0390", 1, 1, "0",
                dates("2026-01-01", "2026-10-15"));
        RateRow after = rate("STANDARD", Direction.OUTBOUND, "4915", "Germany - Mobile", "0.0325", 1, 1, "0",
                dates("2026-10-15", null));
        RateBook changing = RateBook.of(List.of(before, after));
        // effective_to is exclusive: the 14th is the old rate's last day, the 15th the new rate's first
        assertThat(changing.longestPrefixMatch("STANDARD", Direction.OUTBOUND, "4915112345678",
                LocalDate.parse("2026-10-14"))).contains(before);
        assertThat(changing.longestPrefixMatch("STANDARD", Direction.OUTBOUND, "4915112345678",
                LocalDate.parse("2026-10-15"))).contains(after);
        // before effective_from of the first row: no rate
        assertThat(changing.longestPrefixMatch("STANDARD", Direction.OUTBOUND, "4915112345678",
                LocalDate.parse("2025-12-31"))).isEmpty();
    }

    @Test
    void aLongerPrefixNotEffectiveThatDayFallsBackToAShorterOne() {
        RateRow germany = rate("STANDARD", Direction.OUTBOUND, "49", "Germany", "0.0150", 1, 1, "0",
                EffectiveDates.ALWAYS);
        RateRow mobileFromNovember = rate("STANDARD", Direction.OUTBOUND, "4915", "Germany - Mobile", "0.0390", 1, 1,
                "0", dates("2026-11-01", null));
        RateBook partial = RateBook.of(List.of(germany, mobileFromNovember));
        assertThat(partial.longestPrefixMatch("STANDARD", Direction.OUTBOUND, "4915112345678", OCT_5))
                .contains(germany);
        assertThat(partial.longestPrefixMatch("STANDARD", Direction.OUTBOUND, "4915112345678",
                LocalDate.parse("2026-11-01"))).contains(mobileFromNovember);
    }

    @Test
    void refusesAPrefixThatIsNotDigits() {
        RateRow bad = rate("STANDARD", Direction.OUTBOUND, "+49", "Germany", "0.0150", 1, 1, "0",
                EffectiveDates.ALWAYS);
        assertThatThrownBy(() -> RateBook.of(List.of(bad))).hasMessageContaining("'+49' is not all digits");
    }

    /** The trie gives the same row as a linear scan over 2,000 random books and 100 numbers each. */
    @Test
    void propertyTrieEqualsALinearScan() {
        Random random = new Random(42L);
        for (int book = 0; book < 2_000; book++) {
            List<RateRow> rows = new ArrayList<>();
            int count = 1 + random.nextInt(30);
            for (int i = 0; i < count; i++) {
                String prefix = digits(random, 1 + random.nextInt(4));
                // two non-overlapping periods for some prefixes, like an import would accept
                if (random.nextInt(4) == 0) {
                    rows.add(rate("STANDARD", Direction.OUTBOUND, prefix, "D", "0.01", 1, 1, "0",
                            dates(null, "2026-10-15")));
                    rows.add(rate("STANDARD", Direction.OUTBOUND, prefix, "D", "0.02", 1, 1, "0",
                            dates("2026-10-20", null)));
                } else if (rows.stream().noneMatch(row -> row.prefix().equals(prefix))) {
                    rows.add(rate("STANDARD", Direction.OUTBOUND, prefix, "D", "0.03", 1, 1, "0",
                            EffectiveDates.ALWAYS));
                }
            }
            rows.removeIf(row -> rows.stream().anyMatch(other -> other != row && other.prefix().equals(row.prefix())
                    && other.effective().overlaps(row.effective())));
            RateBook trie = RateBook.of(rows);
            for (int n = 0; n < 100; n++) {
                String number = digits(random, 8 + random.nextInt(5));
                LocalDate day = LocalDate.parse("2026-10-01").plusDays(random.nextInt(31));
                assertThat(trie.longestPrefixMatch("STANDARD", Direction.OUTBOUND, number, day))
                        .as("%s on %s in %s", number, day, rows)
                        .isEqualTo(linearScan(rows, number, day));
            }
        }
    }

    private static Optional<RateRow> linearScan(List<RateRow> rows, String number, LocalDate day) {
        return rows.stream()
                .filter(row -> number.startsWith(row.prefix()) && row.effective().covers(day))
                .max(Comparator.comparingInt(row -> row.prefix().length()));
    }

    private static String digits(Random random, int length) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append((char) ('1' + random.nextInt(3)));
        }
        return digits.toString();
    }
}
