package com.trunkbill.cdr;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link KnownCdrIds}: fingerprints to keys, where two cdr_ids may share a fingerprint; a file's kept or not. */
class KnownCdrIdsTests {

    private static List<Long> keysOf(KnownCdrIds known, long fingerprint) {
        List<Long> keys = new ArrayList<>();
        known.keysOf(fingerprint, keys::add);
        return keys;
    }

    @Test
    void anUnknownFingerprintHasNoKey() {
        KnownCdrIds known = new KnownCdrIds();
        known.addStored(42, 7);

        assertThat(keysOf(known, 43)).isEmpty();
        assertThat(keysOf(known, 42)).containsExactly(7L);
    }

    @Test
    void fingerprintsOfAnySignAndZeroAreKept() {
        KnownCdrIds known = new KnownCdrIds();
        known.addStored(0, 1);
        known.addStored(-1, 2);
        known.addStored(Long.MIN_VALUE, 3);

        assertThat(keysOf(known, 0)).containsExactly(1L);
        assertThat(keysOf(known, -1)).containsExactly(2L);
        assertThat(keysOf(known, Long.MIN_VALUE)).containsExactly(3L);
        assertThat(known.size()).isEqualTo(3);
    }

    @Test
    void cdrIdsSharingAFingerprintKeepEveryKey() {
        KnownCdrIds known = new KnownCdrIds();
        known.addStored(42, 7);
        known.addStored(42, 9);
        known.addStored(42, 9);
        known.addStored(42, 4_294_967_297L);

        assertThat(keysOf(known, 42)).containsExactly(7L, 9L, 4_294_967_297L);
        assertThat(known.size()).isEqualTo(1);
    }

    @Test
    void theSameCdrNotedTwiceIsOneKey() {
        KnownCdrIds known = new KnownCdrIds();
        known.addStored(42, 7);
        known.addStored(42, 7);

        assertThat(keysOf(known, 42)).containsExactly(7L);
    }

    @Test
    void aFilesCdrIdsAreKnownDuringTheFileAndAfterItOnlyWhenKept() {
        KnownCdrIds known = new KnownCdrIds();
        known.addStored(1, 10);
        known.startFile();
        known.addFromFile(2, 20);
        known.addFromFile(1, 21); // a collision with a stored cdr_id

        assertThat(keysOf(known, 2)).containsExactly(20L);
        assertThat(keysOf(known, 1)).containsExactly(10L, 21L);
        known.fileDone(false);
        assertThat(keysOf(known, 2)).isEmpty();
        assertThat(keysOf(known, 1)).containsExactly(10L);

        known.startFile();
        known.addFromFile(3, 30);
        known.addFromFile(1, 31);
        known.fileDone(true);
        known.startFile();
        assertThat(keysOf(known, 3)).containsExactly(30L);
        assertThat(keysOf(known, 1)).containsExactly(10L, 31L);
        assertThat(known.size()).isEqualTo(2);
    }

    @Test
    void aFileThatDidNotFinishIsForgottenWhenTheNextBegins() {
        KnownCdrIds known = new KnownCdrIds();
        known.startFile();
        known.addFromFile(2, 20);
        known.startFile();

        assertThat(keysOf(known, 2)).isEmpty();
    }

    @Test
    void remembersWhichPeriodsAreLoaded() {
        KnownCdrIds known = new KnownCdrIds();
        known.periodLoaded("2026-10");

        assertThat(known.hasPeriod("2026-10")).isTrue();
        assertThat(known.hasPeriod("2026-09")).isFalse();
    }
}
