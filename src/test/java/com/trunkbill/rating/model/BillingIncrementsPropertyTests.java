package com.trunkbill.rating.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of SPEC §4.1 increments over 10,000 seeded random durations and increment pairs. */
class BillingIncrementsPropertyTests {

    private static final int[] INCREMENTS = {1, 6, 30, 60};

    @Test
    void billedSecondsCoverTheDurationInWholeIncrements() {
        Random random = new Random(20261001L);
        for (int i = 0; i < 10_000; i++) {
            int first = random.nextBoolean() ? INCREMENTS[random.nextInt(INCREMENTS.length)] : 1 + random.nextInt(120);
            int next = random.nextBoolean() ? INCREMENTS[random.nextInt(INCREMENTS.length)] : 1 + random.nextInt(120);
            long duration = random.nextInt(10) == 0 ? random.nextInt(3) : random.nextInt(200_000);
            long billed = new BillingIncrements(first, next).billedSeconds(duration);
            String example = duration + " s at " + first + "/" + next + " -> " + billed + " s";

            assertThat(billed).as(example).isGreaterThanOrEqualTo(duration);
            if (duration == 0) {
                assertThat(billed).as(example).isZero();
            } else if (duration <= first) {
                assertThat(billed).as(example).isEqualTo(first);
            } else {
                // whole next increments after the first, and not one more than needed
                assertThat((billed - first) % next).as(example).isZero();
                assertThat(billed - duration).as(example).isLessThan(next);
            }
        }
    }

    @Test
    void billedSecondsNeverDecreaseAsTheDurationGrows() {
        Random random = new Random(7L);
        for (int i = 0; i < 1_000; i++) {
            BillingIncrements increments = new BillingIncrements(1 + random.nextInt(90), 1 + random.nextInt(90));
            long previous = 0;
            for (long duration = 0; duration <= 400; duration++) {
                long billed = increments.billedSeconds(duration);
                assertThat(billed).as(increments + " at " + duration + " s").isGreaterThanOrEqualTo(previous);
                previous = billed;
            }
        }
    }
}
