package com.trunkbill.cdr;

import com.carrotsearch.hppc.LongLongHashMap;
import com.carrotsearch.hppc.cursors.LongLongCursor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The cdr_ids an import has to check its rows against, by fingerprint ({@link
 * com.trunkbill.cdr.model.CdrIdFingerprint}): those of the CDRs stored in the periods its rows fall in, loaded once
 * per period; those of the file being ingested; and those of its earlier files that a later file repeats. Each
 * fingerprint maps to the {@code cdr_key} of its CDR, so that a row whose fingerprint is known costs one lookup of
 * the stored CDR by key (which then compares the cdr_ids: equal fingerprints of different ids are a collision, not a
 * duplicate); a row whose fingerprint is unknown is new without asking the database. This replaces the primary key
 * on {@code cdr_id} (V60), which cost the server a random-order index insert per CDR.
 * <p>
 * A duplicate has the same content, so the same start time and period as the CDR it repeats; a cdr_id repeated with
 * a start time in another month is not seen (docs/data-formats.md#cdr-reason-codes). Memory: 16-32 bytes per CDR of
 * the loaded periods, of the current file and of the earlier files kept (hash maps of longs, at most 75 % full).
 * Not thread-safe: one per ingesting thread; the partitions of one import never share a cdr_id
 * ({@link com.trunkbill.cdr.model.IngestSplit}).
 */
final class KnownCdrIds {

    private final Keys stored = new Keys();
    private final Keys currentFile = new Keys();
    private final Set<String> periods = new HashSet<>();

    /** Whether the stored CDRs of {@code period} are loaded. */
    boolean hasPeriod(String period) {
        return periods.contains(period);
    }

    /** Notes that the stored CDRs of {@code period} are loaded (each through {@link #addStored}). */
    void periodLoaded(String period) {
        periods.add(period);
    }

    /** A CDR stored before: its cdr_id's fingerprint and its key (never negative). */
    void addStored(long fingerprint, long key) {
        stored.add(fingerprint, key);
    }

    /** A new file begins: whatever an earlier file that did not finish left is forgotten. */
    void startFile() {
        currentFile.clear();
    }

    /** A CDR of the current file, stored in its transaction. */
    void addFromFile(long fingerprint, long key) {
        currentFile.add(fingerprint, key);
    }

    /**
     * The current file is stored (its transaction commits): with {@code keep}, its CDRs are kept as stored ones, for
     * the later files that repeat its cdr_ids; else they are forgotten.
     */
    void fileDone(boolean keep) {
        if (keep) {
            currentFile.forEach(stored::add);
        }
        currentFile.clear();
    }

    /** The keys of the CDRs whose cdr_id has this fingerprint, to {@code sink}; usually none. */
    void keysOf(long fingerprint, LongConsumer sink) {
        stored.keysOf(fingerprint, sink);
        currentFile.keysOf(fingerprint, sink);
    }

    /** How many fingerprints are known. */
    int size() {
        return stored.keys.size() + currentFile.keys.size();
    }

    /** Fingerprints to keys, where several cdr_ids may share a fingerprint. */
    private static final class Keys {

        /** The value of a fingerprint that more than one cdr_id has: their keys are in {@link #collisions}. */
        private static final long SHARED = -1;

        final LongLongHashMap keys = new LongLongHashMap();
        final Map<Long, long[]> collisions = new HashMap<>();

        void add(long fingerprint, long key) {
            int slot = keys.indexOf(fingerprint);
            if (!keys.indexExists(slot)) {
                keys.indexInsert(slot, fingerprint, key);
                return;
            }
            long known = keys.indexGet(slot);
            if (known == key) {
                return; // the same CDR again
            }
            long[] shared = known == SHARED ? collisions.get(fingerprint) : new long[] {known};
            if (Arrays.stream(shared).noneMatch(k -> k == key)) {
                shared = Arrays.copyOf(shared, shared.length + 1);
                shared[shared.length - 1] = key;
            }
            collisions.put(fingerprint, shared);
            keys.indexReplace(slot, SHARED);
        }

        void keysOf(long fingerprint, LongConsumer sink) {
            long key = keys.getOrDefault(fingerprint, Long.MIN_VALUE);
            if (key == SHARED) {
                for (long shared : collisions.get(fingerprint)) {
                    sink.accept(shared);
                }
            } else if (key != Long.MIN_VALUE) {
                sink.accept(key);
            }
        }

        /** Every (fingerprint, key) pair, collisions included. */
        void forEach(FingerprintKey action) {
            for (LongLongCursor entry : keys) {
                if (entry.value == SHARED) {
                    for (long key : collisions.get(entry.key)) {
                        action.accept(entry.key, key);
                    }
                } else {
                    action.accept(entry.key, entry.value);
                }
            }
        }

        /** Forgets every entry, keeping the map's memory for the next file. */
        void clear() {
            keys.clear();
            collisions.clear();
        }
    }

    @FunctionalInterface
    private interface FingerprintKey {
        void accept(long fingerprint, long key);
    }
}
