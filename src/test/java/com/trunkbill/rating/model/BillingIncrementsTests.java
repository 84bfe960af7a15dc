package com.trunkbill.rating.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillingIncrementsTests {

    private static final Instant ANSWER = Instant.parse("2026-10-05T10:00:00Z");

    @Test
    void durationIsRoundedUpToWholeSeconds() {
        // 0 ms -> 0 s; 1 ms -> ceil(0.001) = 1 s; 30,000 ms -> 30 s; 30,001 ms -> 31 s
        assertThat(BillingIncrements.durationSeconds(ANSWER, ANSWER)).isZero();
        assertThat(BillingIncrements.durationSeconds(ANSWER, ANSWER.plusMillis(1))).isEqualTo(1);
        assertThat(BillingIncrements.durationSeconds(ANSWER, ANSWER.plusMillis(30_000))).isEqualTo(30);
        assertThat(BillingIncrements.durationSeconds(ANSWER, ANSWER.plusMillis(30_001))).isEqualTo(31);
    }

    @Test
    void billedSecondsFollowTheIncrements() {
        BillingIncrements thirtySix = new BillingIncrements(30, 6);
        // 0 s -> 0 s billed (nothing to bill)
        assertThat(thirtySix.billedSeconds(0)).isZero();
        // 1 s <= 30 -> the first increment: 30 s
        assertThat(thirtySix.billedSeconds(1)).isEqualTo(30);
        // exactly the first increment: 30 s -> 30 s
        assertThat(thirtySix.billedSeconds(30)).isEqualTo(30);
        // one second over: 31 s -> 30 + ceil(1/6)*6 = 36 s
        assertThat(thirtySix.billedSeconds(31)).isEqualTo(36);
        // 36 s -> 30 + ceil(6/6)*6 = 36 s; 37 s -> 30 + ceil(7/6)*6 = 42 s
        assertThat(thirtySix.billedSeconds(36)).isEqualTo(36);
        assertThat(thirtySix.billedSeconds(37)).isEqualTo(42);
        // 61 s -> 30 + ceil(31/6)*6 = 30 + 36 = 66 s
        assertThat(thirtySix.billedSeconds(61)).isEqualTo(66);

        BillingIncrements minute = new BillingIncrements(60, 60);
        // 61 s at 60/60 -> 60 + ceil(1/60)*60 = 120 s
        assertThat(minute.billedSeconds(61)).isEqualTo(120);
        // 1/1 bills the exact seconds
        assertThat(new BillingIncrements(1, 1).billedSeconds(61)).isEqualTo(61);
    }

    @Test
    void refusesIncrementsBelowOneSecond() {
        assertThatThrownBy(() -> new BillingIncrements(0, 6)).hasMessageContaining("0/6");
    }

    @Test
    void anyTwoInstantsGiveADurationWithoutOverflow() {
        // Instant.MIN .. Instant.MAX is 63,113,904,031,622,399 s and 999,999,999 ns: Duration.toMillis overflows
        assertThat(BillingIncrements.durationSeconds(Instant.MIN, Instant.MAX)).isEqualTo(63_113_904_031_622_400L);
        assertThat(BillingIncrements.durationSeconds(ANSWER, ANSWER.plusNanos(999_999))).isZero();
        assertThat(BillingIncrements.durationSeconds(ANSWER, ANSWER.plusMillis(1))).isEqualTo(1);
    }

    @Test
    void billedSecondsThatDoNotFitALongFailInsteadOfWrappingAround() {
        // 60 + ceil((MAX - 60) / 60) * 60 is beyond Long.MAX_VALUE: it would wrap to a negative count
        assertThatThrownBy(() -> new BillingIncrements(60, 60).billedSeconds(Long.MAX_VALUE))
                .isInstanceOf(ArithmeticException.class);
        assertThat(new BillingIncrements(1, 1).billedSeconds(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }
}
