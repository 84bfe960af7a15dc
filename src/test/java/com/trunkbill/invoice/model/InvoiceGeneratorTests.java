package com.trunkbill.invoice.model;

import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.ServiceAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.trunkbill.invoice.InvoiceFixtures.aTrunk;
import static com.trunkbill.invoice.InvoiceFixtures.account;
import static com.trunkbill.invoice.InvoiceFixtures.anInvoiceInput;
import static com.trunkbill.invoice.InvoiceFixtures.fx;
import static com.trunkbill.invoice.InvoiceFixtures.newYork;
import static com.trunkbill.invoice.InvoiceFixtures.planRow;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §5: the orchestrator: which accounts get an invoice, line order, totals, holds. */
class InvoiceGeneratorTests {

    private final InvoiceGenerator generator = new InvoiceGenerator();

    @Test
    void anAccountWithoutTrunksInThePeriodAndWithoutUsageGetsNoInvoice() {
        assertThat(generator.generate(anInvoiceInput(account("ACC-1", "USD", "US"))
                .trunk(aTrunk("T-1").createdAt("2026-11-02T00:00:00Z")).build())).isEmpty();
        assertThat(generator.generate(anInvoiceInput(account("ACC-1", "USD", "US"))
                .trunk(aTrunk("T-1").deletedAt("2026-10-01T00:00:00Z")).build())).isEmpty();
        // usage alone is enough (a trunk deleted before the period with late CDRs)
        assertThat(generator.generate(anInvoiceInput(account("ACC-1", "USD", "US"))
                .trunk(aTrunk("T-1").deletedAt("2026-10-01T00:00:00Z"))
                .usage("T-1", "TERMINATION", "Germany", "USD", "0.02", 60, "0.02").build())).isPresent();
    }

    @Test
    void linesArePerTrunkFeeOverageUsageThenTaxesAndTotalsAddUp() {
        ServiceAddress ny = newYork("ADDR-NY", "ACC-1");
        Invoice invoice = generator.generate(anInvoiceInput(account("ACC-1", "USD", "US")).address(ny)
                .trunk(aTrunk("T-2").channels(1).at(ny))
                .trunk(aTrunk("T-1").channels(1).unlimitedUs().at(ny))
                .usage("T-1", "US_UNLIMITED", "United States", "USD", "0", 6_000_000, "0")
                .usage("T-1", "TERMINATION", "Canada", "USD", "0.0095", 600, "0.095")
                .usage("T-2", "ORIGINATION", "United States - Toll Free", "USD", "0.0190", 60, "0.019")
                .build()).orElseThrow();
        assertThat(invoice.invoiceId()).isEqualTo("ACC-1-202610");
        assertThat(invoice.lines()).extracting(line -> line.trunkId() + " " + line.kind())
                .containsExactly("T-1 CHANNEL_FEE", "T-1 FAIR_USE_OVERAGE", "T-1 USAGE", "T-1 USAGE",
                        "T-2 CHANNEL_FEE", "T-2 USAGE");
        // T-1: fee 25.00; overage = 100000 min - 3000 = 97000 * 0.0100 = 970.00; usage Canada 0.095 -> 0.10, US 0.00
        // T-2: fee 15.00; usage 0.019 -> 0.02. subtotal = 25.00 + 970.00 + 0.10 + 0.00 + 15.00 + 0.02 = 1010.12
        assertThat(Rounding.decimal(invoice.subtotal())).isEqualByComparingTo("1010.12");
        assertThat(Rounding.decimal(invoice.taxTotal())).isEqualByComparingTo("0.00");
        assertThat(Rounding.decimal(invoice.total())).isEqualByComparingTo("1010.12");
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.DRAFT);
    }

    @Test
    void aMissingFxRatePutsTheInvoiceOnHoldNamingThePair() {
        Invoice invoice = generator.generate(anInvoiceInput(account("ACC-EU", "EUR", "FR"))
                .fx(fx("2026-10-31", "USD", "GBP", "0.76"))
                .trunk(aTrunk("T-1").channels(1)).build()).orElseThrow();
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ON_HOLD);
        assertThat(invoice.holdReason()).isEqualTo("no FX rate USD->EUR on or before 2026-10-31");
        assertThat(invoice.lines().get(0).note()).contains("not converted");
    }

    @Test
    void aJpyInvoiceHasWholeYen() {
        Invoice invoice = generator.generate(anInvoiceInput(account("ACC-JP", "JPY", "JP"))
                .plans(List.of(planRow("STANDARD", ChannelPlan.METERED, "2000", "JPY", null, null, null, null)))
                .fx(fx("2026-10-31", "USD", "JPY", "150.25"))
                .trunk(aTrunk("T-1").channels(1).createdAt("2026-10-20T00:00:00Z"))
                .usage("T-1", "TERMINATION", "Japan", "USD", "0.0333", 6_000, "3.33").build()).orElseThrow();
        // fee 2000 * 12 / 31 = 774.19 -> 774 JPY; usage 3.33 USD * 150.25 = 500.3325 -> 500 JPY; total 1274
        assertThat(invoice.lines()).extracting(line -> Rounding.decimal(line.amount()).toPlainString())
                .containsExactly("774", "500");
        assertThat(Rounding.decimal(invoice.total()).toPlainString()).isEqualTo("1274");
    }
}
