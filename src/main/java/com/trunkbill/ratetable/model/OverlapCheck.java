package com.trunkbill.ratetable.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * SPEC §3.2: rows with the same key (rates: {@code price_list, direction, prefix}) must not overlap in time.
 * Finds every conflicting pair by sorting on (key, effective_from) and sweeping each key's rows: a row is
 * compared only with the following rows that start before it ends, so the cost is O(n log n) plus the
 * number of conflicts reported. A pathological file (thousands of copies of one row) would have millions
 * of pairs; the report stops after {@code limit} of them and says so.
 */
public final class OverlapCheck {

    private static final long OPEN_START = Long.MIN_VALUE;
    private static final long OPEN_END = Long.MAX_VALUE;

    /** One row: its key, its dates as epoch days ([from, to), open ends as the extreme values) and line. */
    public record Entry(String key, long from, long to, long lineNo) {

        public static Entry of(String key, EffectiveDates effective, long lineNo) {
            return new Entry(key, effective.from() == null ? OPEN_START : effective.from().toEpochDay(),
                    effective.to() == null ? OPEN_END : effective.to().toEpochDay(), lineNo);
        }

        public String dates() {
            return "[" + (from == OPEN_START ? "open" : LocalDate.ofEpochDay(from)) + ", "
                    + (to == OPEN_END ? "open" : LocalDate.ofEpochDay(to)) + ")";
        }
    }

    /** Two rows of one key that share at least one day; {@code first} is the one with the smaller line number. */
    public record Conflict(Entry first, Entry second) {
        public String describe() {
            return first.key() + ": line " + first.lineNo() + " " + first.dates() + " overlaps line "
                    + second.lineNo() + " " + second.dates();
        }
    }

    /** The conflicts found, at most {@code limit} of them, and whether more exist. */
    public record Result(List<Conflict> conflicts, boolean truncated) {
        public boolean clean() {
            return conflicts.isEmpty();
        }
    }

    private static final Comparator<Entry> BY_KEY_THEN_START = Comparator.comparing(Entry::key)
            .thenComparingLong(Entry::from).thenComparingLong(Entry::lineNo);

    private OverlapCheck() {
    }

    public static Result conflicts(List<Entry> entries, int limit) {
        Entry[] sorted = entries.toArray(Entry[]::new);
        Arrays.sort(sorted, BY_KEY_THEN_START);
        List<Conflict> conflicts = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            Entry current = sorted[i];
            // Later rows of the key start at or after current.from; they overlap while they start before it ends.
            for (int j = i + 1; j < sorted.length && sorted[j].key().equals(current.key())
                    && sorted[j].from() < current.to(); j++) {
                if (conflicts.size() == limit) {
                    return new Result(sortedByLine(conflicts), true);
                }
                Entry other = sorted[j];
                conflicts.add(current.lineNo() < other.lineNo() ? new Conflict(current, other)
                        : new Conflict(other, current));
            }
        }
        return new Result(sortedByLine(conflicts), false);
    }

    private static List<Conflict> sortedByLine(List<Conflict> conflicts) {
        conflicts.sort(Comparator.comparingLong((Conflict c) -> c.first().lineNo())
                .thenComparingLong(c -> c.second().lineNo()));
        return List.copyOf(conflicts);
    }
}
