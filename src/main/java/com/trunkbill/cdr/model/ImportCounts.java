package com.trunkbill.cdr.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Outcome counts of one CDR file (or a run): every row read is accepted, rejected with one reason, or a
 * duplicate, so {@code read = accepted + duplicates + rejected} always (SPEC §8).
 */
public final class ImportCounts {

    private long read;
    private long accepted;
    private long duplicates;
    private final EnumMap<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);

    /** Counts as stored elsewhere (a partition's execution context). */
    public static ImportCounts of(long accepted, long duplicates, Map<RejectReason, Long> rejected) {
        ImportCounts counts = new ImportCounts();
        counts.accepted = accepted;
        counts.duplicates = duplicates;
        counts.rejected.putAll(rejected);
        counts.read = accepted + duplicates + counts.rejected();
        return counts;
    }

    public void countAccepted() {
        read++;
        accepted++;
    }

    public void countDuplicate() {
        read++;
        duplicates++;
    }

    public void countRejected(RejectReason reason) {
        read++;
        rejected.merge(reason, 1L, Long::sum);
    }

    public void add(ImportCounts other) {
        read += other.read;
        accepted += other.accepted;
        duplicates += other.duplicates;
        other.rejected.forEach((reason, count) -> rejected.merge(reason, count, Long::sum));
    }

    public long read() {
        return read;
    }

    public long accepted() {
        return accepted;
    }

    public long duplicates() {
        return duplicates;
    }

    public long rejected(RejectReason reason) {
        return rejected.getOrDefault(reason, 0L);
    }

    public long rejected() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** All malformed reasons together ({@code cdr_file.malformed}). */
    public long malformed() {
        return rejected.entrySet().stream().filter(e -> e.getKey().isMalformed())
                .mapToLong(Map.Entry::getValue).sum();
    }

    public Map<RejectReason, Long> rejectedByReason() {
        return Map.copyOf(rejected);
    }

    /** {@code read 20,000  accepted 19,700  duplicates 12  rejected 288 (BAD_INSTANT 2, UNKNOWN_TRUNK 3, ...)}. */
    public String summary() {
        String text = String.format("read %,d  accepted %,d  duplicates %,d  rejected %,d", read, accepted,
                duplicates, rejected());
        if (!rejected.isEmpty()) {
            text += rejected.entrySet().stream().map(e -> String.format("%s %,d", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", ", " (", ")"));
        }
        return text;
    }
}
