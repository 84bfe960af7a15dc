package com.trunkbill.cdr.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a partitioned {@code import-cdrs} splits the files of one import over K partitions so that the result is
 * the sequential import's (SPEC §8, §9: the same cdr_id again is a duplicate or a DUPLICATE_CONFLICT, "the first"
 * being the first in file name order).
 * <ul>
 *   <li>Files that share a cdr_id form one group, ingested by one partition in file name order: the partition
 *       sees the first occurrence first, as the sequential import does, and no two partitions ever store one
 *       cdr_id. Shared means the same fingerprint ({@link CdrIdFingerprint}) of the trimmed cdr_id text, less the
 *       bits of the file index; a collision only joins two groups that need not be, which changes no result.</li>
 *   <li>Files without any cdr_id (a header alone, rows without one) form one group too: two such files may have
 *       the same content, and "the same file ingested twice adds nothing" must pick the first by name.</li>
 *   <li>The groups are spread over the K partitions by size, largest first, each to the partition with the fewest
 *       bytes so far (the lower index on a tie); every partition lists its files in name order.</li>
 * </ul>
 * Every import, partitioned or not, also asks which files' cdr_ids a later file repeats ({@link #repeatedLater}).
 * Memory: one {@code long} per CDR read (hash bits and file index packed), sorted once.
 */
public final class IngestSplit {

    private final int fileCount;
    private final int indexBits;
    private long[] fingerprints = new long[1 << 12];
    private int size;
    private boolean sorted;
    private final boolean[] hasCdrId;

    /** @param fileCount the files of the import, indexed 0.. in file name order */
    public IngestSplit(int fileCount) {
        this.fileCount = fileCount;
        this.indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, fileCount - 1)));
        this.hasCdrId = new boolean[fileCount];
    }

    /** Records the cdr_ids of one file, noted by the thread that read it; files may be added in any order. */
    public synchronized void add(FileIds ids) {
        if (ids.size == 0) {
            return;
        }
        if (size + ids.size > fingerprints.length) {
            fingerprints = Arrays.copyOf(fingerprints, Math.max(size + ids.size, size + (size >> 1)));
        }
        for (int i = 0; i < ids.size; i++) {
            // the hash in the high bits, the file index in the low ones: sorted, equal hashes lie side by side
            fingerprints[size++] = (ids.hashes[i] >>> indexBits << indexBits) | ids.file;
        }
        hasCdrId[ids.file] = true;
        sorted = false;
    }

    /** The cdr_ids of one file as their hashes, gathered on the thread that reads it. */
    public static final class FileIds {

        private final int file;
        private long[] hashes = new long[1 << 10];
        private int size;

        public FileIds(int file) {
            this.file = file;
        }

        /** A row's cdr_id (trimmed text; null or blank: none). */
        public void add(String cdrId) {
            if (cdrId == null || cdrId.isBlank()) {
                return;
            }
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size + (size >> 1));
            }
            hashes[size++] = CdrIdFingerprint.of(cdrId.strip());
        }
    }

    /**
     * The files of each of {@code partitions} partitions, by index in file name order; a partition may have none.
     *
     * @param fileSizes the size of each file in bytes (the balance is by bytes)
     */
    public synchronized List<List<Integer>> partitions(long[] fileSizes, int partitions) {
        if (fileSizes.length != fileCount) {
            throw new IllegalArgumentException(fileSizes.length + " file sizes for " + fileCount + " files");
        }
        int[] parent = new int[fileCount];
        for (int i = 0; i < fileCount; i++) {
            parent[i] = i;
        }
        sort();
        long indexMask = (1L << indexBits) - 1;
        for (int i = 1; i < size; i++) {
            if (fingerprints[i] >>> indexBits == fingerprints[i - 1] >>> indexBits) {
                union(parent, (int) (fingerprints[i] & indexMask), (int) (fingerprints[i - 1] & indexMask));
            }
        }
        int withoutCdrId = -1;
        for (int file = 0; file < fileCount; file++) {
            if (!hasCdrId[file]) {
                if (withoutCdrId >= 0) {
                    union(parent, file, withoutCdrId);
                }
                withoutCdrId = file;
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int file = 0; file < fileCount; file++) {
            groups.computeIfAbsent(find(parent, file), root -> new ArrayList<>()).add(file);
        }
        List<List<Integer>> bySize = new ArrayList<>(groups.values());
        bySize.sort(Comparator.<List<Integer>>comparingLong(group -> bytes(group, fileSizes)).reversed()
                .thenComparingInt(group -> group.get(0)));
        List<List<Integer>> result = new ArrayList<>();
        long[] load = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            result.add(new ArrayList<>());
        }
        for (List<Integer> group : bySize) {
            int lightest = 0;
            for (int p = 1; p < partitions; p++) {
                if (load[p] < load[lightest]) {
                    lightest = p;
                }
            }
            result.get(lightest).addAll(group);
            load[lightest] += bytes(group, fileSizes);
        }
        result.forEach(files -> files.sort(Comparator.naturalOrder()));
        return result;
    }

    /**
     * Which files have a cdr_id that a later file (in name order) has too, by index: the import must remember their
     * cdr_ids for the later file ({@code cdr.KnownCdrIds}); a file's own repeats do not count. Shared means the same
     * fingerprint, so a collision only makes a file remembered that need not be.
     */
    public synchronized boolean[] repeatedLater() {
        sort();
        boolean[] repeated = new boolean[fileCount];
        long indexMask = (1L << indexBits) - 1;
        int start = 0;
        while (start < size) {
            int end = start + 1;
            while (end < size && fingerprints[end] >>> indexBits == fingerprints[start] >>> indexBits) {
                end++;
            }
            // sorted: the run's files ascend, so the last one is the latest file with this cdr_id
            int latest = (int) (fingerprints[end - 1] & indexMask);
            for (int i = start; i < end; i++) {
                int file = (int) (fingerprints[i] & indexMask);
                if (file != latest) {
                    repeated[file] = true;
                }
            }
            start = end;
        }
        return repeated;
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(fingerprints, 0, size);
            sorted = true;
        }
    }

    private static long bytes(List<Integer> group, long[] fileSizes) {
        long bytes = 0;
        for (int file : group) {
            bytes += fileSizes[file];
        }
        return bytes;
    }

    private static int find(int[] parent, int file) {
        int root = file;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[file] != root) {
            int next = parent[file];
            parent[file] = root;
            file = next;
        }
        return root;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            // the smaller index is the root: deterministic, whatever the order of the unions
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
}
