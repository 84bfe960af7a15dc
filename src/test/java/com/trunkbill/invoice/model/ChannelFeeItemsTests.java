package com.trunkbill.invoice.model;

import com.trunkbill.inventory.model.ChannelPlan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.trunkbill.invoice.InvoiceFixtures.aTrunk;
import static com.trunkbill.invoice.InvoiceFixtures.account;
import static com.trunkbill.invoice.InvoiceFixtures.anInvoiceInput;
import static com.trunkbill.invoice.InvoiceFixtures.fx;
import static com.trunkbill.invoice.InvoiceFixtures.planRow;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §5.1, §9: channel fees prorated by channel-days over the 31 days of October 2026 (METERED 15.00 USD). */
class ChannelFeeItemsTests {

    private final ChannelFeeItems items = new ChannelFeeItems();

    private static Items fees(InvoiceInput input) {
        return new ChannelFeeItems().generate(input, new LinePricing(input.account().currency(),
                input.period().lastDay(), input.fx()));
    }

    @Test
    void aChannelChangeOnThe16thCountsTheLargerCountThatDay() {
        InvoiceInput input = anInvoiceInput(account("ACC-1", "USD", "US"))
                .trunk(aTrunk("T-1").channels(10).changesAt("2026-10-16T12:00:00Z", 20, ChannelPlan.METERED))
                .build();
        Items fees = fees(input);
        // Oct 1-15: 15 days * 10 = 150; Oct 16 (10 then 20: the largest) .. Oct 31: 16 days * 20 = 320 -> 470 channel-days
        // 15.00 * 470 / 31 = 227.4193548... -> 227.42
        InvoiceLine line = fees.lines().get(0);
        assertThat(line.kind()).isEqualTo(LineKind.CHANNEL_FEE);
        assertThat(line.quantity()).isEqualByComparingTo("470");
        assertThat(line.unit()).isEqualTo("channel-day");
        assertThat(Rounding.decimal(line.amount())).isEqualByComparingTo("227.42");
        assertThat(fees.holdReasons()).isEmpty();
    }

    @Test
    void aTrunkCreatedOnThe20thPaysTwelveFullDays() {
        InvoiceInput input = anInvoiceInput(account("ACC-1", "USD", "US"))
                .trunk(aTrunk("T-2").channels(10).createdAt("2026-10-20T09:30:00Z"))
                .build();
        // Oct 20 counts in full: 20..31 = 12 days * 10 = 120 channel-days; 15.00 * 120 / 31 = 58.0645... -> 58.06
        InvoiceLine line = fees(input).lines().get(0);
        assertThat(line.quantity()).isEqualByComparingTo("120");
        assertThat(Rounding.decimal(line.amount())).isEqualByComparingTo("58.06");
    }

    @Test
    void aTrunkDeletedMidDayPaysThatDayInFull() {
        InvoiceInput input = anInvoiceInput(account("ACC-1", "USD", "US"))
                .trunk(aTrunk("T-3").channels(10).deletedAt("2026-10-18T12:00:00Z"))
                .trunk(aTrunk("T-4").channels(10).deletedAt("2026-09-30T23:00:00Z"))
                .build();
        // T-3: Oct 1..18 = 18 days * 10 = 180; 15.00 * 180 / 31 = 87.0967... -> 87.10. T-4 did not exist in October.
        List<InvoiceLine> lines = fees(input).lines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).trunkId()).isEqualTo("T-3");
        assertThat(Rounding.decimal(lines.get(0).amount())).isEqualByComparingTo("87.10");
    }

    @Test
    void eachDayUsesThePriceOfItsEndOfDayPlan() {
        InvoiceInput input = anInvoiceInput(account("ACC-1", "USD", "US"))
                .trunk(aTrunk("T-5").channels(10).changesAt("2026-10-16T12:00:00Z", 10, ChannelPlan.UNLIMITED_US))
                .build();
        // Oct 1-15 METERED: 15.00 * 10 * 15 = 2250; Oct 16 ends on UNLIMITED_US: 16 days 25.00 * 10 * 16 = 4000
        // (2250 + 4000) / 31 = 201.6129... -> 201.61
        InvoiceLine line = fees(input).lines().get(0);
        assertThat(line.quantity()).isEqualByComparingTo("310");
        assertThat(Rounding.decimal(line.amount())).isEqualByComparingTo("201.61");
    }

    @Test
    void aPriceChangeWithinTheMonthIsAppliedPerDay() {
        InvoiceInput input = anInvoiceInput(account("ACC-1", "USD", "US"))
                .plans(List.of(planRow("STANDARD", ChannelPlan.METERED, "15.00", "USD", null, null, null, "2026-10-11"),
                        planRow("STANDARD", ChannelPlan.METERED, "18.60", "USD", null, null, "2026-10-11", null)))
                .trunk(aTrunk("T-6").channels(1))
                .build();
        // Oct 1-10: 15.00 * 1 * 10 = 150.00; Oct 11-31: 18.60 * 1 * 21 = 390.60 -> 540.60 / 31 = 17.4387... -> 17.44
        assertThat(Rounding.decimal(fees(input).lines().get(0).amount())).isEqualByComparingTo("17.44");
    }

    @Test
    void aFeeInAnotherCurrencyIsConvertedUnroundedThenRounded() {
        InvoiceInput input = anInvoiceInput(account("ACC-EU", "EUR", "FR"))
                .fx(fx("2026-10-31", "USD", "EUR", "0.878076"))
                .trunk(aTrunk("T-7").channels(2))
                .build();
        // 15.00 * 62 / 31 = 30.00 USD * 0.878076 = 26.34228 -> 26.34 EUR
        InvoiceLine line = fees(input).lines().get(0);
        assertThat(line.currency()).isEqualTo("EUR");
        assertThat(Rounding.decimal(line.amount())).isEqualByComparingTo("26.34");
        assertThat(line.note()).contains("USD->EUR 0.878076 (2026-10-31)");
    }

    @Test
    void aDayWithoutAPlanPricePutsTheInvoiceOnHold() {
        InvoiceInput input = anInvoiceInput(account("ACC-1", "USD", "US"))
                .plans(List.of(planRow("STANDARD", ChannelPlan.METERED, "15.00", "USD", null, null, null, "2026-10-31")))
                .trunk(aTrunk("T-8").channels(1))
                .build();
        Items fees = items.generate(input, new LinePricing("USD", input.period().lastDay(), input.fx()));
        // Oct 1-30 priced: 15.00 * 30 / 31 = 14.516... -> 14.52; Oct 31 has no row
        assertThat(Rounding.decimal(fees.lines().get(0).amount())).isEqualByComparingTo("14.52");
        assertThat(fees.holdReasons()).containsExactly(
                "trunk T-8: no channel-plan price for STANDARD METERED on 2026-10-31");
    }

    @Test
    void daysWithoutAPlanPriceMakeOneHoldReasonPerTrunkAndPlan() {
        InvoiceInput input = anInvoiceInput(account("ACC-1", "USD", "US"))
                .plans(List.of(planRow("STANDARD", ChannelPlan.METERED, "15.00", "USD", null, null, null, "2026-10-20")))
                .trunk(aTrunk("T-9").channels(2))
                .build();
        Items fees = items.generate(input, new LinePricing("USD", input.period().lastDay(), input.fx()));
        // Oct 1-19 priced: 15.00 * 2 * 19 / 31 = 18.387... -> 18.39; Oct 20-31 (12 days) have no row: one reason,
        // not one per day (a reason per day overflowed hold_reason and failed the whole invoicing job)
        assertThat(Rounding.decimal(fees.lines().get(0).amount())).isEqualByComparingTo("18.39");
        assertThat(fees.holdReasons()).containsExactly(
                "trunk T-9: no channel-plan price for STANDARD METERED on 12 days from 2026-10-20 to 2026-10-31");
    }
}
