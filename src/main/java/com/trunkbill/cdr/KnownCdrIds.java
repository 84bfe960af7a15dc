package com.trunkbill.cdr;

import com.carrotsearch.hppc.LongLongHashMap;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The cdr_ids an import has to check its rows against, by fingerprint ({@link
 * com.trunkbill.cdr.model.CdrIdFingerprint}): those of the CDRs stored in the periods its rows fall in, loaded once
 * per period, and those it stored itself since. Each fingerprint maps to the {@code cdr_key} of its CDR, so that a
 * row whose fingerprint is known costs one lookup of the stored CDR by key (which then compares the cdr_ids: equal
 * fingerprints of different ids are a collision, not a duplicate); a row whose fingerprint is unknown is new
 * without asking the database. This replaces the primary key on {@code cdr_id} (V60), which cost the server a
 * random-order index insert per CDR.
 * <p>
 * A duplicate has the same content, so the same start time and period as the CDR it repeats; a cdr_id repeated with
 * a start time in another month is not seen (docs/billing-rules.md#duplicates). Memory: 16-32 bytes per CDR of the
 * loaded periods and of the import (a hash map of longs, at most 75 % full). Not thread-safe: one per ingesting
 * thread; the partitions of one import never share a cdr_id ({@link com.trunkbill.cdr.model.IngestSplit}).
 */
final class KnownCdrIds {

    /** The value of a fingerprint that more than one stored cdr_id has: their keys are in {@link #collisions}. */
    private static final long SHARED = -1;

    private final LongLongHashMap keys = new LongLongHashMap();
    private final Map<Long, long[]> collisions = new HashMap<>();
    private final Set<String> periods = new HashSet<>();

    /** Whether the stored CDRs of {@code period} are loaded. */
    boolean hasPeriod(String period) {
        return periods.contains(period);
    }

    /** Notes that the stored CDRs of {@code period} are loaded (each through {@link #add}). */
    void periodLoaded(String period) {
        periods.add(period);
    }

    /** A stored CDR: its cdr_id's fingerprint and its key (never negative). */
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

    /** The keys of the stored CDRs whose cdr_id has this fingerprint, to {@code sink}; usually none. */
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

    /** How many fingerprints are known. */
    int size() {
        return keys.size();
    }
}
