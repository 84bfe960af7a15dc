package com.trunkbill.ratetable.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The sort-and-sweep finds exactly the pairs that the O(n^2) definition (EffectiveDates.overlaps) finds. */
class OverlapCheckPropertyTests {

    private static final LocalDate START = LocalDate.parse("2026-01-01");

    @Test
    void findsExactlyThePairsOfTheBruteForceDefinition() {
        Random random = new Random(20261015L);
        for (int testCase = 0; testCase < 1_000; testCase++) {
            int size = random.nextInt(40);
            List<OverlapCheck.Entry> entries = new ArrayList<>();
            List<EffectiveDates> dates = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                LocalDate from = random.nextInt(5) == 0 ? null : START.plusDays(random.nextInt(60));
                LocalDate to = random.nextInt(5) == 0 ? null
                        : (from == null ? START : from).plusDays(1 + random.nextInt(30));
                EffectiveDates effective = new EffectiveDates(from, to);
                String key = "K" + random.nextInt(4);
                dates.add(effective);
                keys.add(key);
                entries.add(OverlapCheck.Entry.of(key, effective, i + 2));
            }
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < size; i++) {
                for (int j = i + 1; j < size; j++) {
                    if (keys.get(i).equals(keys.get(j)) && dates.get(i).overlaps(dates.get(j))) {
                        expected.add((i + 2) + "-" + (j + 2));
                    }
                }
            }
            List<String> found = OverlapCheck.conflicts(entries, Integer.MAX_VALUE).conflicts().stream()
                    .map(c -> c.first().lineNo() + "-" + c.second().lineNo()).toList();
            assertThat(found).as("case %d", testCase).doesNotHaveDuplicates();
            assertThat(new HashSet<>(found)).as("case %d: %s", testCase, entries).isEqualTo(expected);
        }
    }
}
