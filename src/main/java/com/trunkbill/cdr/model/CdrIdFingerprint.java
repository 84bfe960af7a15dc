package com.trunkbill.cdr.model;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit fingerprint of a cdr_id: FNV-1a over its UTF-8 bytes, then a final mix, so that all 64 bits are well
 * spread. Equal ids have equal fingerprints; two different ids share one with a probability of 2^-64 per pair, so
 * whoever compares fingerprints must still compare the ids on a match. The import keeps the stored ones in memory
 * ({@code cdr.KnownCdrIds}, stored in {@code cdr.cdr_fp}) and plans its partitions by them ({@link IngestSplit}).
 */
public final class CdrIdFingerprint {

    private CdrIdFingerprint() {
    }

    /** The fingerprint of {@code cdrId}, as given (the caller trims it). */
    public static long of(String cdrId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : cdrId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}
