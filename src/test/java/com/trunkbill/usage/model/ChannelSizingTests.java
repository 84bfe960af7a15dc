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
        assertThat(sizing.reason()).isEqualTo("peak 20 (p95 19) on 30 channels: p95 x 1.2 -> 23; recommend 23 within 30 "
                + "channels");
    }

    @Test
    void overProvisionedWhenHalfTheChannelsWouldDo() {
        // idle all month: recommended is the minimum 1, 1*2 <= 4
        ChannelSizing sizing = ChannelSizing.of(days(4, 0, 0, 0, 0));

        assertThat(sizing.recommendedChannels()).isEqualTo(1);
        assertThat(sizing.advice()).isEqualTo(ChannelSizing.Advice.OVER_PROVISIONED);
        assertThat(sizing.reason()).isEqualTo("peak 0 (p95 0) on 4 channels: p95 x 1.2 -> 1; recommend 1 <= half of 4 "
                + "channels");
    }

    @Test
    void refusalsOnDaysBelowTheLimitAreNoEvidenceOfDemand() {
        // the demo's TRK-1001: 30 channels, peak 5, refusals on a day at peak 5 (25 channels free)
        // p95 5 -> ceil(6.0) = 6 <= 30 / 2: over-provisioned, not under; the refusals are named in the reason
        ChannelSizing sizing = ChannelSizing.of(days(30, 3, 5, 5, 4, 2));

        assertThat(sizing.channelLimitRefusals()).isEqualTo(3);
        assertThat(sizing.refusalsAtLimit()).isZero();
        assertThat(sizing.recommendedChannels()).isEqualTo(6);
        assertThat(sizing.advice()).isEqualTo(ChannelSizing.Advice.OVER_PROVISIONED);
        assertThat(sizing.reason()).isEqualTo("peak 5 (p95 5) on 30 channels: p95 x 1.2 -> 6; recommend 6 <= half of 30 "
                + "channels; 3 refusals on days below the limit not counted (free channels left: check the SBC's own "
                + "limit)");
    }

    @Test
    void refusalsBelowTheLimitDoNotTurnARightSizedTrunkUnderProvisioned() {
        // peaks 3, 2 on 4 channels: p95 3 -> ceil(3.6) = 4 <= 4 and 4 * 2 > 4: OK despite the refusal
        ChannelSizing sizing = ChannelSizing.of(days(4, 1, 3, 2));

        assertThat(sizing.recommendedChannels()).isEqualTo(4);
        assertThat(sizing.advice()).isEqualTo(ChannelSizing.Advice.OK);
    }

    @Test
    void refusalsWhileAtTheLimitMeanUnderProvisionedAndAtLeastOneMoreThanThePeak() {
        // p95 of (2,2,1) = 2 -> ceil(2.4) = 3; refusals -> max(3, 2 + 1) = 3 > 2 channels
        ChannelSizing sizing = ChannelSizing.of(days(2, 5, 2, 2, 1));

        assertThat(sizing.channelLimitRefusals()).isEqualTo(5);
        assertThat(sizing.refusalsAtLimit()).isEqualTo(5);
        assertThat(sizing.recommendedChannels()).isEqualTo(3);
        assertThat(sizing.advice()).isEqualTo(ChannelSizing.Advice.UNDER_PROVISIONED);
        assertThat(sizing.reason()).isEqualTo("peak 2 (p95 2) on 2 channels: p95 x 1.2 -> 3; demand above the limit "
                + "(5 refusals while at the limit) -> at least peak + 1 = 3; recommend 3 > 2 channels");
    }

    @Test
    void overCapacityDaysRaiseTheAdviceAboveTheMaximumPeak() {
        // one day at 9 on 5 channels: p95 of (9,1) = 9 -> ceil(10.8) = 11 >= 9 + 1
        ChannelSizing sizing = ChannelSizing.of(days(5, 0, 9, 1));

        assertThat(sizing.overCapacityDays()).isEqualTo(1);
        assertThat(sizing.recommendedChannels()).isEqualTo(11);
        assertThat(sizing.advice()).isEqualTo(ChannelSizing.Advice.UNDER_PROVISIONED);
        assertThat(sizing.reason()).isEqualTo("peak 9 (p95 9) on 5 channels: p95 x 1.2 -> 11; demand above the limit "
                + "(1 days over capacity) -> at least peak + 1 = 10; recommend 11 > 5 channels");
    }
}
