package com.trunkbill.invoice.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.trunkbill.invoice.InvoiceFixtures.aTrunk;
import static com.trunkbill.invoice.InvoiceFixtures.account;
import static com.trunkbill.invoice.InvoiceFixtures.anInvoiceInput;
import static com.trunkbill.invoice.InvoiceFixtures.fx;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §5.1, §9 "Invoice lines" and "Display": one USAGE line per trunk, category, destination and rate currency. */
class UsageItemsTests {

    private static List<InvoiceLine> usageLines(InvoiceInput input) {
        return new UsageItems().generate(input, new LinePricing(input.account().currency(), input.period().lastDay(),
                input.fx())).lines();
    }

    @Test
    void theAmountIsTheUnroundedCostSumRoundedOnce() {
        InvoiceInput input = anInvoiceInput(account("ACC-1", "USD", "US"))
                .trunk(aTrunk("T-1"))
                // 1,000 CDRs of 61 s at 6/6 -> 66 s billed * 0.0065 / 60 = 0.00715 each: 7.15 in all
                .usage("T-1", "TERMINATION", "United States - New York", "USD", "0.0065", 66_000, "7.1500000000")
                // two rates of Germany - Mobile (0.0390 before Oct 15, 0.0325 after): cost 1.2345 + 2.0005 = 3.2350
                .usage("T-1", "TERMINATION", "Germany - Mobile", "USD", null, 5_000, "3.2350000000")
                .build();
        List<InvoiceLine> lines = usageLines(input);
        // sorted by category then destination
        assertThat(lines).extracting(InvoiceLine::destination)
                .containsExactly("Germany - Mobile", "United States - New York");
        InvoiceLine germany = lines.get(0);
        // 3.2350 -> 3.24 (half-up); 5,000 s = 83.333 min -> 83.33; no single rate -> no unit price
        assertThat(Rounding.decimal(germany.amount())).isEqualByComparingTo("3.24");
        assertThat(germany.quantity()).isEqualByComparingTo("83.33").hasScaleOf(2);
        assertThat(germany.unitPrice()).isNull();
        InvoiceLine newYork = lines.get(1);
        assertThat(newYork.quantity()).isEqualByComparingTo("1100.00");
        assertThat(newYork.unit()).isEqualTo("min");
        assertThat(newYork.unitPrice()).isEqualByComparingTo("0.0065");
        assertThat(Rounding.decimal(newYork.amount())).isEqualByComparingTo("7.15");
    }

    @Test
    void billedMinutesRoundHalfUpToTwoDecimals() {
        // 3 s = 0.05 min; 1 s = 0.01666 -> 0.02; 57 s = 0.95; 123 s = 2.05
        assertThat(UsageItems.billedMinutes(3)).isEqualByComparingTo("0.05");
        assertThat(UsageItems.billedMinutes(1)).isEqualByComparingTo("0.02");
        assertThat(UsageItems.billedMinutes(123)).isEqualByComparingTo("2.05");
    }

    @Test
    void usUnlimitedMinutesAreShownAtZero() {
        InvoiceInput input = anInvoiceInput(account("ACC-1", "USD", "US"))
                .trunk(aTrunk("T-1").unlimitedUs())
                .usage("T-1", "US_UNLIMITED", "United States", "USD", "0", 600, "0E-10")
                .build();
        InvoiceLine line = usageLines(input).get(0);
        assertThat(line.category()).isEqualTo("US_UNLIMITED");
        assertThat(line.quantity()).isEqualByComparingTo("10.00");
        assertThat(Rounding.decimal(line.amount()).toPlainString()).isEqualTo("0.00");
    }

    @Test
    void usageInAnotherCurrencyIsConvertedAtMonthEnd() {
        InvoiceInput input = anInvoiceInput(account("ACC-BR", "BRL", "BR"))
                .fx(fx("2026-10-31", "USD", "BRL", "5.462756"))
                .trunk(aTrunk("T-1"))
                .usage("T-1", "TERMINATION", "Brazil - Mobile", "USD", "0.0350", 6_000, "3.5000000005")
                .build();
        // 3.5000000005 USD * 5.462756 = 19.119646002731378 -> 19.12 BRL
        assertThat(Rounding.decimal(usageLines(input).get(0).amount())).isEqualByComparingTo("19.12");
    }
}
