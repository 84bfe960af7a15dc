package com.trunkbill.cdr.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9: which files a partitioned import gives each partition. */
class IngestSplitTests {

    @Test
    void filesThatShareACdrIdStayTogetherInNameOrderAndTheRestIsSpreadBySize() {
        IngestSplit split = new IngestSplit(5);
        split.add(ids(0, "A1"));
        split.add(ids(0, "A2"));
        split.add(ids(1, "B1"));
        split.add(ids(2, "C1"));
        split.add(ids(3, " A2 ")); // file 3 repeats file 0's A2 (trimmed)
        split.add(ids(4, "E1"));

        // sizes 100, 90, 80, 10, 50: group {0, 3} = 110 first, then 90 -> p1, 80 -> p2, 50 -> p2 (80 < 90)
        List<List<Integer>> partitions = split.partitions(new long[] {100, 90, 80, 10, 50}, 3);

        assertThat(partitions).containsExactly(List.of(0, 3), List.of(1), List.of(2, 4));
    }

    @Test
    void aChainOfSharedCdrIdsJoinsAllItsFiles() {
        IngestSplit split = new IngestSplit(4);
        split.add(ids(0, "X"));
        split.add(ids(1, "X"));
        split.add(ids(1, "Y"));
        split.add(ids(3, "Y"));
        split.add(ids(2, "Z"));

        assertThat(split.partitions(new long[] {1, 1, 1, 1}, 2)).containsExactly(List.of(0, 1, 3), List.of(2));
    }

    @Test
    void filesWithoutAnyCdrIdAreOneGroupAndAPartitionMayBeEmpty() {
        IngestSplit split = new IngestSplit(3);
        split.add(ids(1, "only"));
        split.add(ids(0, "  "));
        split.add(ids(2, (String) null));

        assertThat(split.partitions(new long[] {5, 1, 5}, 3)).containsExactly(List.of(0, 2), List.of(1), List.of());
    }

    @Test
    void aFileIsRepeatedLaterWhenALaterFileHasOneOfItsCdrIds() {
        IngestSplit split = new IngestSplit(5);
        split.add(ids(4, "E1", "A2"));
        split.add(ids(0, "A1", "A2"));
        split.add(ids(1, "B1", "X"));
        split.add(ids(2, "C1", "C1")); // only repeats itself
        split.add(ids(3, " X ", "A2"));

        assertThat(split.repeatedLater()).containsExactly(true, true, false, true, false);
        assertThat(split.partitions(new long[] {1, 1, 1, 1, 1}, 2)).containsExactly(List.of(0, 1, 3, 4), List.of(2));
        assertThat(split.repeatedLater()).containsExactly(true, true, false, true, false);
    }

    @Test
    void theFilesMayBeAddedInAnyOrderAsTheyAreReadSideBySide() {
        // files 0, 1 and 3 share ids; file 3 is read first, file 0 last
        IngestSplit split = new IngestSplit(4);
        split.add(ids(3, "Y", "W"));
        split.add(ids(2, "Z"));
        split.add(ids(1, "X", "Y"));
        split.add(ids(0, "X", " ", "V"));

        assertThat(split.partitions(new long[] {1, 1, 1, 1}, 2)).containsExactly(List.of(0, 1, 3), List.of(2));
    }

    private static IngestSplit.FileIds ids(int file, String... cdrIds) {
        IngestSplit.FileIds ids = new IngestSplit.FileIds(file);
        for (String cdrId : cdrIds) {
            ids.add(cdrId);
        }
        return ids;
    }
}
