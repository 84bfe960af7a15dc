package com.trunkbill.cdr;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link KnownCdrIds}: fingerprints to keys, where two cdr_ids may share a fingerprint. */
class KnownCdrIdsTests {

    private static List<Long> keysOf(KnownCdrIds known, long fingerprint) {
        List<Long> keys = new ArrayList<>();
        known.keysOf(fingerprint, keys::add);
        return keys;
    }

    @Test
    void anUnknownFingerprintHasNoKey() {
        KnownCdrIds known = new KnownCdrIds();
        known.add(42, 7);

        assertThat(keysOf(known, 43)).isEmpty();
        assertThat(keysOf(known, 42)).containsExactly(7L);
    }

    @Test
    void fingerprintsOfAnySignAndZeroAreKept() {
        KnownCdrIds known = new KnownCdrIds();
        known.add(0, 1);
        known.add(-1, 2);
        known.add(Long.MIN_VALUE, 3);

        assertThat(keysOf(known, 0)).containsExactly(1L);
        assertThat(keysOf(known, -1)).containsExactly(2L);
        assertThat(keysOf(known, Long.MIN_VALUE)).containsExactly(3L);
        assertThat(known.size()).isEqualTo(3);
    }

    @Test
    void cdrIdsSharingAFingerprintKeepEveryKey() {
        KnownCdrIds known = new KnownCdrIds();
        known.add(42, 7);
        known.add(42, 9);
        known.add(42, 9);
        known.add(42, 4_294_967_297L);

        assertThat(keysOf(known, 42)).containsExactly(7L, 9L, 4_294_967_297L);
        assertThat(known.size()).isEqualTo(1);
    }

    @Test
    void theSameCdrNotedTwiceIsOneKey() {
        KnownCdrIds known = new KnownCdrIds();
        known.add(42, 7);
        known.add(42, 7);

        assertThat(keysOf(known, 42)).containsExactly(7L);
    }

    @Test
    void remembersWhichPeriodsAreLoaded() {
        KnownCdrIds known = new KnownCdrIds();
        known.periodLoaded("2026-10");

        assertThat(known.hasPeriod("2026-10")).isTrue();
        assertThat(known.hasPeriod("2026-09")).isFalse();
    }
}
