package com.trunkbill.usage.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficProfileTests {

    @Test
    void sharesAreFourDecimalsHalfUp() {
        // 1 short of 3 answered = 0.33333 -> 0.3333; 200 of 300 s outbound = 0.6667
        TrafficProfile profile = new TrafficProfile(3, 1, 200, 0, 200, 300);
        assertThat(profile.shortCallShare()).isEqualByComparingTo("0.3333");
        assertThat(profile.outboundShare()).isEqualByComparingTo("0.6667");
        assertThat(TrafficProfile.NONE.shortCallShare()).isEqualByComparingTo("0");
    }

    @Test
    void flagsEverySignalAboveItsThreshold() {
        TrafficProfile profile = new TrafficProfile(10, 4, 20_000, 1, 99, 100);
        assertThat(profile.flags(FairUsePolicy.DEFAULT, new BigDecimal("0.5")))
                .containsExactly("OVER_ALLOWANCE", "SHORT_CALLS", "LONG_CALLS", "OUTBOUND_HEAVY");
        assertThat(new TrafficProfile(10, 3, 600, 0, 50, 100).flags(FairUsePolicy.DEFAULT, BigDecimal.ZERO))
                .isEmpty();
    }
}
