package com.trunkbill.ratetable.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OverlapCheckTests {

    private static OverlapCheck.Entry entry(String key, String from, String to, long line) {
        return OverlapCheck.Entry.of(key, new EffectiveDates(from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to)), line);
    }

    private static List<String> conflicts(OverlapCheck.Entry... entries) {
        return OverlapCheck.conflicts(List.of(entries), 1000).conflicts().stream()
                .map(c -> c.first().lineNo() + "-" + c.second().lineNo()).toList();
    }

    @Test
    void rowsThatMeetExactlyDoNotOverlap() {
        // the shipped 4915 change: [2026-01-01, 2026-10-15) then [2026-10-15, open)
        assertThat(conflicts(entry("STANDARD OUTBOUND 4915", "2026-01-01", "2026-10-15", 40),
                entry("STANDARD OUTBOUND 4915", "2026-10-15", null, 41))).isEmpty();
    }

    @Test
    void oneSharedDayIsAnOverlap() {
        OverlapCheck.Result result = OverlapCheck.conflicts(List.of(
                entry("K", "2026-10-15", null, 9), entry("K", "2026-01-01", "2026-10-16", 3)), 1000);
        assertThat(result.conflicts()).singleElement().extracting(OverlapCheck.Conflict::describe)
                .isEqualTo("K: line 3 [2026-01-01, 2026-10-16) overlaps line 9 [2026-10-15, open)");
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void differentKeysNeverConflict() {
        assertThat(conflicts(entry("STANDARD OUTBOUND 49", null, null, 2),
                entry("STANDARD INBOUND 49", null, null, 3),
                entry("ENTERPRISE_EU OUTBOUND 49", null, null, 4))).isEmpty();
    }

    @Test
    void everyConflictingPairIsNamedOnce() {
        // line 2 is open at both ends and overlaps everything; 3 and 4 overlap in March; 5 stands alone after 2
        assertThat(conflicts(entry("K", null, null, 2), entry("K", "2026-01-01", "2026-04-01", 3),
                entry("K", "2026-03-01", "2026-05-01", 4), entry("K", "2026-05-01", null, 5),
                entry("OTHER", "2026-01-01", null, 6)))
                .containsExactly("2-3", "2-4", "2-5", "3-4");
    }

    @Test
    void identicalRowsConflict() {
        assertThat(conflicts(entry("K", "2026-01-01", "2026-02-01", 7), entry("K", "2026-01-01", "2026-02-01", 8)))
                .containsExactly("7-8");
    }

    @Test
    void stopsAtTheLimitAndSaysSo() {
        List<OverlapCheck.Entry> copies = new ArrayList<>();
        for (int line = 2; line < 102; line++) {
            copies.add(entry("K", null, null, line)); // 100 copies: 100 * 99 / 2 = 4,950 pairs
        }
        OverlapCheck.Result result = OverlapCheck.conflicts(copies, 10);
        assertThat(result.conflicts()).hasSize(10);
        assertThat(result.truncated()).isTrue();
        assertThat(OverlapCheck.conflicts(copies, 4_950).truncated()).isFalse();
        assertThat(OverlapCheck.conflicts(copies, 4_950).conflicts()).hasSize(4_950);
    }
}
