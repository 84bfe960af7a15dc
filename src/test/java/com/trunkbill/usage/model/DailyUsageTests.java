package com.trunkbill.usage.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DailyUsageTests {

    private static final LocalDate DAY = LocalDate.parse("2026-10-01");

    @Test
    void utilizationIsOccupiedSecondsOverChannelDaySecondsFourDecimalsHalfUp() {
        // 4 channels * 86400 s = 345600 channel-seconds; 8640 s occupied -> 0.025
        DailyUsage usage = new DailyUsage(DAY, "TRK-1", 4, 2, null, 8_640_000, 3, 2, 0);
        assertThat(usage.utilization()).isEqualByComparingTo("0.0250");
        assertThat(usage.utilization().scale()).isEqualTo(4);
        // 1 channel, 4.32 s occupied -> 0.00005 -> 0.0001 (half-up)
        assertThat(new DailyUsage(DAY, "TRK-1", 1, 1, null, 4_320, 1, 1, 0).utilization())
                .isEqualByComparingTo("0.0001");
    }

    @Test
    void occupiedSecondsKeepMillisecondsWithoutTrailingZeros() {
        assertThat(new DailyUsage(DAY, "T", 1, 1, null, 5_400_000, 1, 1, 0).occupiedSeconds().toPlainString())
                .isEqualTo("5400");
        assertThat(new DailyUsage(DAY, "T", 1, 1, null, 1_250, 1, 1, 0).occupiedSeconds().toPlainString())
                .isEqualTo("1.25");
    }

    @Test
    void overCapacityWhenThePeakExceedsTheChannels() {
        assertThat(new DailyUsage(DAY, "T", 2, 2, null, 0, 0, 0, 0).overCapacity()).isFalse();
        assertThat(new DailyUsage(DAY, "T", 2, 3, null, 0, 0, 0, 0).overCapacity()).isTrue();
    }

    @Test
    void aRowNeedsAtLeastOneChannel() {
        assertThatThrownBy(() -> new DailyUsage(DAY, "TRK-9", 0, 0, null, 0, 0, 0, 0))
                .hasMessageContaining("TRK-9").hasMessageContaining("2026-10-01");
    }
}
