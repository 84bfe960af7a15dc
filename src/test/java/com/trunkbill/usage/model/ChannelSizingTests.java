package com.trunkbill.usage.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelSizingTests {

    private static List<DailyUsage> days(int channels, long refusals, int... peaks) {
        List<DailyUsage> rows = new ArrayList<>();
        for (int i = 0; i < peaks.length; i++) {
            rows.add(new DailyUsage(LocalDate.parse("2026-10-01").plusDays(i), "TRK-1", channels, peaks[i], null, 0,
                    0, 0, i == 0 ? refusals : 0));
        }
        return rows;
    }

    @Test
    void recommendsTwentyPercentOverTheNinetyFifthPercentileDailyPeak() {
        // 20 days: peaks 1..20 -> nearest rank ceil(0.95*20)=19 -> p95 = 19; ceil(19*1.2)=ceil(22.8)=23
        int[] peaks = new int[20];
        for (int i = 0; i < 20; i++) {
            peaks[i] = 20 - i;
        }
        ChannelSizing sizing = ChannelSizing.of(days(30, 0, peaks));

        assertThat(sizing.p95DailyPeak()).isEqualTo(19);
        assertThat(sizing.maxDailyPeak()).isEqualTo(20);
        assertThat(sizing.recommendedChannels()).isEqualTo(23);
        assertThat(sizing.advice()).isEqualTo(ChannelSizing.Advice.OK);
    }

    @Test
    void overProvisionedWhenHalfTheChannelsWouldDo() {
        // idle all month: recommended is the minimum 1, 1*2 <= 4
        ChannelSizing sizing = ChannelSizing.of(days(4, 0, 0, 0, 0));

        assertThat(sizing.recommendedChannels()).isEqualTo(1);
        assertThat(sizing.advice()).isEqualTo(ChannelSizing.Advice.OVER_PROVISIONED);
    }

    @Test
    void refusalsMeanUnderProvisionedAndAtLeastOneMoreThanThePeak() {
        // p95 of (2,2,1) = 2 -> ceil(2.4) = 3; refusals -> max(3, 2 + 1) = 3 > 2 channels
        ChannelSizing sizing = ChannelSizing.of(days(2, 5, 2, 2, 1));

        assertThat(sizing.channelLimitRefusals()).isEqualTo(5);
        assertThat(sizing.recommendedChannels()).isEqualTo(3);
        assertThat(sizing.advice()).isEqualTo(ChannelSizing.Advice.UNDER_PROVISIONED);
    }

    @Test
    void overCapacityDaysRaiseTheAdviceAboveTheMaximumPeak() {
        // one day at 9 on 5 channels: p95 of (9,1) = 9 -> ceil(10.8) = 11 >= 9 + 1
        ChannelSizing sizing = ChannelSizing.of(days(5, 0, 9, 1));

        assertThat(sizing.overCapacityDays()).isEqualTo(1);
        assertThat(sizing.recommendedChannels()).isEqualTo(11);
        assertThat(sizing.advice()).isEqualTo(ChannelSizing.Advice.UNDER_PROVISIONED);
    }
}
