package com.trunkbill.usage.model;

import com.trunkbill.inventory.model.ActionStatus;
import com.trunkbill.inventory.model.AdminStatus;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.DataCenter;
import com.trunkbill.inventory.model.TrunkState;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.inventory.model.TrunkType;
import com.trunkbill.ratetable.model.ChannelPlanRow;
import com.trunkbill.ratetable.model.EffectiveDates;
import com.trunkbill.support.BillingPeriod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FairUseAllowanceTests {

    private static final BillingPeriod OCTOBER = BillingPeriod.parse("2026-10");
    private static final ChannelPlanRow UNLIMITED = new ChannelPlanRow(1, 1, "STANDARD", ChannelPlan.UNLIMITED_US,
            new BigDecimal("25.00"), "USD", new BigDecimal("3000"), new BigDecimal("0.0100"), EffectiveDates.ALWAYS);

    private static TrunkTimeline trunk(String createdAt, TrunkState... states) {
        return new TrunkTimeline("TRK-1", "ACC-1", "t", TrunkType.STATIC, DataCenter.NEW_YORK, null,
                Instant.parse(createdAt), null, false, List.of(states));
    }

    private static TrunkState state(String from, int channels, ChannelPlan plan) {
        return new TrunkState(Instant.parse(from), channels, plan, AdminStatus.ENABLED, ActionStatus.SUCCESS);
    }

    @Test
    void allowanceIsProratedOverTheDaysOnTheUnlimitedPlan() {
        // created Oct 20 09:30: 12 days (the 20th counts in full) x 10 channels x 3000 min / 31 = 11612.903... min
        TrunkTimeline trunk = trunk("2026-10-20T09:30:00Z", state("2026-10-20T09:30:00Z", 10, ChannelPlan.UNLIMITED_US));

        FairUseAllowance.Result result = FairUseAllowance.compute(trunk, List.of(UNLIMITED), "STANDARD", OCTOBER,
                700_000 * 60L).orElseThrow();

        assertThat(result.allowanceMinutes().setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("11612.903226");
        assertThat(result.usedMinutes()).isEqualByComparingTo("700000");
        assertThat(result.overageMinutes().setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("688387.096774");
        assertThat(result.overageRate()).isEqualByComparingTo("0.0100");
        assertThat(result.currency()).isEqualTo("USD");
    }

    @Test
    void daysOnMeteredAddNoAllowanceAndNoOverageBelowIt() {
        // METERED until Oct 11 00:00, then UNLIMITED_US: 21 days x 2 channels x 3000 / 31 = 4064.516... min
        TrunkTimeline trunk = trunk("2026-01-01T00:00:00Z", state("2026-01-01T00:00:00Z", 2, ChannelPlan.METERED),
                state("2026-10-11T00:00:00Z", 2, ChannelPlan.UNLIMITED_US));

        FairUseAllowance.Result result = FairUseAllowance.compute(trunk, List.of(UNLIMITED), "STANDARD", OCTOBER, 60)
                .orElseThrow();

        assertThat(result.allowanceMinutes().setScale(3, RoundingMode.HALF_UP)).isEqualByComparingTo("4064.516");
        assertThat(result.overageMinutes()).isEqualByComparingTo("0");
    }

    @Test
    void aTrunkNeverOnTheUnlimitedPlanHasNoFigures() {
        TrunkTimeline trunk = trunk("2026-01-01T00:00:00Z", state("2026-01-01T00:00:00Z", 2, ChannelPlan.METERED));

        assertThat(FairUseAllowance.compute(trunk, List.of(UNLIMITED), "STANDARD", OCTOBER, 0)).isEmpty();
    }
}
