package com.trunkbill.invoice.model;

import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.TrunkTimeline;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.trunkbill.invoice.InvoiceFixtures.OCTOBER;
import static com.trunkbill.invoice.InvoiceFixtures.aTrunk;
import static com.trunkbill.invoice.InvoiceFixtures.account;
import static com.trunkbill.invoice.InvoiceFixtures.anInvoiceInput;
import static com.trunkbill.invoice.InvoiceFixtures.planRow;
import static com.trunkbill.invoice.InvoiceFixtures.standardPlans;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §5.1, §9 "Fair use": UNLIMITED_US 3000 min per channel-month, overage 0.0100 USD/min, October = 31 days. */
class FairUseTests {

    private static Items fairUseLines(InvoiceInput input) {
        return new FairUseItems().generate(input, new LinePricing("USD", input.period().lastDay(), input.fx()));
    }

    @Test
    void exactlyTheAllowanceIsNoOverageAndOneMinuteMoreIs() {
        // 10 channels all month: allowance = 3000 * 10 * 31 / 31 = 30000 min = 1,800,000 s
        InvoiceInput atAllowance = anInvoiceInput(account("ACC-1", "USD", "US"))
                .trunk(aTrunk("T-1").channels(10).unlimitedUs())
                .usage("T-1", "US_UNLIMITED", "United States", "USD", "0.0085", 1_800_000, "0")
                .build();
        assertThat(fairUseLines(atAllowance).lines()).isEmpty();

        // 1,800,060 s = 30001 min: 1 min over * 0.0100 = 0.01
        InvoiceInput oneOver = anInvoiceInput(account("ACC-1", "USD", "US"))
                .trunk(aTrunk("T-1").channels(10).unlimitedUs())
                .usage("T-1", "US_UNLIMITED", "United States", "USD", "0.0085", 1_800_060, "0")
                .build();
        InvoiceLine line = fairUseLines(oneOver).lines().get(0);
        assertThat(line.kind()).isEqualTo(LineKind.FAIR_USE_OVERAGE);
        assertThat(line.quantity()).isEqualByComparingTo("1.00");
        assertThat(line.unitPrice()).isEqualByComparingTo("0.0100");
        assertThat(Rounding.decimal(line.amount())).isEqualByComparingTo("0.01");
    }

    @Test
    void allowanceAndOverageAreNotRoundedOnlyTheAmountIs() {
        TrunkTimeline trunk = aTrunk("T-2").channels(10).unlimitedUs().createdAt("2026-10-20T09:30:00Z").build();
        // allowance = 3000 * (12 days * 10 channels) / 31 = 360000 / 31 = 11612.903225806451...
        // used = 702,000 s / 60 = 11700 min; overage = 87.0967741935483870967...; * 0.0100 = 0.870967... -> 0.87
        FairUse.Result result = FairUse.compute(trunk, standardPlans(), "STANDARD", OCTOBER, 702_000).orElseThrow();
        assertThat(result.allowanceMinutes()).isEqualByComparingTo("11612.90322580645161290322580645161");
        assertThat(result.usedMinutes()).isEqualByComparingTo("11700");
        assertThat(result.overageMinutes()).isEqualByComparingTo("87.09677419354838709677419354839");
        assertThat(result.overageRate()).isEqualByComparingTo("0.0100");
        assertThat(result.currency()).isEqualTo("USD");

        InvoiceInput input = anInvoiceInput(account("ACC-1", "USD", "US"))
                .trunk(aTrunk("T-2").channels(10).unlimitedUs().createdAt("2026-10-20T09:30:00Z"))
                .usage("T-2", "US_UNLIMITED", "United States", "USD", "0.0085", 702_000, "0")
                .build();
        InvoiceLine line = fairUseLines(input).lines().get(0);
        assertThat(Rounding.decimal(line.amount())).isEqualByComparingTo("0.87");
        assertThat(line.note()).isEqualTo("allowance 11612.90 min, used 11700.00 min");
    }

    @Test
    void onlyDaysOnUnlimitedUsGiveAllowanceAndTheLastDaysRateApplies() {
        // METERED until Oct 16 12:00, then UNLIMITED_US (Oct 16 ends on it): 16 days * 10 channels
        // the overage rate changes on Oct 21: 0.0100 before, 0.0200 from then: the last UNLIMITED_US day (Oct 31) wins
        TrunkTimeline trunk = aTrunk("T-3").channels(10)
                .changesAt("2026-10-16T12:00:00Z", 10, ChannelPlan.UNLIMITED_US).build();
        var plans = List.of(
                planRow("STANDARD", ChannelPlan.METERED, "15.00", "USD", null, null, null, null),
                planRow("STANDARD", ChannelPlan.UNLIMITED_US, "25.00", "USD", "3000", "0.0100", null, "2026-10-21"),
                planRow("STANDARD", ChannelPlan.UNLIMITED_US, "25.00", "USD", "3000", "0.0200", "2026-10-21", null));
        // allowance = 3000 * 10 * 16 / 31 = 15483.870967741935...; used 16000 min (960,000 s)
        // overage = 516.1290322580645161290322580645161; * 0.0200 = 10.3225806... -> 10.32
        FairUse.Result result = FairUse.compute(trunk, plans, "STANDARD", OCTOBER, 960_000).orElseThrow();
        assertThat(result.allowanceMinutes()).isEqualByComparingTo("15483.87096774193548387096774193548");
        assertThat(result.overageRate()).isEqualByComparingTo("0.0200");
        assertThat(Rounding.round(result.overageAmount(), "USD")).isEqualByComparingTo("10.32");
    }

    @Test
    void aMeteredTrunkHasNoFairUse() {
        TrunkTimeline trunk = aTrunk("T-4").channels(10).build();
        assertThat(FairUse.compute(trunk, standardPlans(), "STANDARD", OCTOBER, 9_999_999)).isEmpty();
    }
}
