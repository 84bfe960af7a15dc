package com.trunkbill.tax.model;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.DataCenter;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.invoice.model.Invoice;
import com.trunkbill.invoice.model.InvoiceGenerator;
import com.trunkbill.invoice.model.InvoiceInput;
import com.trunkbill.invoice.model.InvoiceLine;
import com.trunkbill.invoice.model.InvoiceStatus;
import com.trunkbill.invoice.model.LineKind;
import com.trunkbill.invoice.model.Rounding;
import com.trunkbill.ratetable.model.ChannelPlanRow;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.trunkbill.invoice.InvoiceFixtures.aTrunk;
import static com.trunkbill.invoice.InvoiceFixtures.account;
import static com.trunkbill.invoice.InvoiceFixtures.anInvoiceInput;
import static com.trunkbill.invoice.InvoiceFixtures.austin;
import static com.trunkbill.invoice.InvoiceFixtures.berlin;
import static com.trunkbill.invoice.InvoiceFixtures.businessAccount;
import static com.trunkbill.invoice.InvoiceFixtures.fx;
import static com.trunkbill.invoice.InvoiceFixtures.losAngeles;
import static com.trunkbill.invoice.InvoiceFixtures.newYork;
import static com.trunkbill.invoice.InvoiceFixtures.planRow;
import static com.trunkbill.invoice.InvoiceFixtures.sampleTaxRows;
import static com.trunkbill.invoice.InvoiceFixtures.tax;
import static com.trunkbill.invoice.InvoiceFixtures.zagreb;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §5.3, §9 "Tax": taxes per service address (PPU) and tax row, on the rounded lines of the address's trunks.
 * October 2026 has 31 days; a 10-channel METERED trunk all month pays 15.00 * 310 / 31 = 150.00.
 */
class TaxItemsTests {

    private static final List<ChannelPlanRow> EUR_PLANS = List.of(
            planRow("STANDARD", ChannelPlan.METERED, "15.00", "EUR", null, null, null, null));

    private static Invoice invoice(InvoiceInput input) {
        return new InvoiceGenerator().generate(input).orElseThrow();
    }

    /** Tax amounts by tax code (and jurisdiction when it matters), rounded. */
    private static Map<String, String> taxes(Invoice invoice) {
        Map<String, String> taxes = new LinkedHashMap<>();
        invoice.lines().stream().filter(line -> line.kind() == LineKind.TAX)
                .forEach(line -> taxes.put(line.taxCode(), Rounding.decimal(line.amount()).toPlainString()));
        return taxes;
    }

    private static InvoiceLine taxLine(Invoice invoice, String code) {
        return invoice.lines().stream().filter(line -> code.equals(line.taxCode())).findFirst().orElseThrow();
    }

    @Test
    void usfTaxesItsBaseFractionAndNewYorkTaxesStackByLocation() {
        ServiceAddress ny = newYork("ADDR-NY", "ACC-US");
        Invoice invoice = invoice(anInvoiceInput(account("ACC-US", "USD", "US")).address(ny).taxes(sampleTaxRows())
                .trunk(aTrunk("T-1").channels(10).at(ny))
                .trunk(aTrunk("T-2").channels(10).at(ny).createdAt("2026-10-20T09:30:00Z"))
                .usage("T-1", "TERMINATION", "Germany", "USD", "0.0250", 120_000, "50.00")
                .build());
        // lines: T-1 fee 150.00, T-2 fee 15.00 * 120 / 31 = 58.06, usage 50.00 -> base (ALL) 258.06
        // US-USF      0.376 * 0.649 * 258.06 = 0.244024 * 258.06 = 62.97283344 -> 62.97
        // US-NY-SALES 0.04 * 258.06 = 10.3224 -> 10.32; US-NY-MCTD 0.00375 * 258.06 = 0.967725 -> 0.97
        // US-NY-NYC-LOCAL 0.045 * 258.06 = 11.6127 -> 11.61
        // US-NY-E911  1.00 * (310 + 120 channel-days) / 31 = 13.870967... -> 13.87 (one rounding for the group)
        assertThat(taxes(invoice)).containsExactly(
                Map.entry("US-USF", "62.97"), Map.entry("US-NY-SALES", "10.32"), Map.entry("US-NY-MCTD", "0.97"),
                Map.entry("US-NY-NYC-LOCAL", "11.61"), Map.entry("US-NY-E911", "13.87"));
        InvoiceLine usf = taxLine(invoice, "US-USF");
        assertThat(Rounding.decimal(usf.taxBase())).isEqualByComparingTo("258.06");
        assertThat(usf.unitPrice()).isEqualByComparingTo("0.244024");
        assertThat(usf.jurisdiction()).isEqualTo("US-NY-New York-New York");
        assertThat(taxLine(invoice, "US-NY-E911").quantity()).isEqualByComparingTo("430");
        // subtotal 258.06, tax 62.97 + 10.32 + 0.97 + 11.61 + 13.87 = 99.74, total 357.80
        assertThat(Rounding.decimal(invoice.subtotal())).isEqualByComparingTo("258.06");
        assertThat(Rounding.decimal(invoice.taxTotal())).isEqualByComparingTo("99.74");
        assertThat(Rounding.decimal(invoice.total())).isEqualByComparingTo("357.80");
    }

    @Test
    void percentTaxesUseTheBaseTheyApplyToAndRoundHalfUp() {
        ServiceAddress la = losAngeles("ADDR-LA", "ACC-US");
        Invoice invoice = invoice(anInvoiceInput(account("ACC-US", "USD", "US")).address(la)
                .taxes(sampleTaxRows().stream().filter(row -> row.taxCode().startsWith("US-CA-P")
                        || row.taxCode().startsWith("US-CA-L")).toList())
                .trunk(aTrunk("T-1").channels(10).at(la))
                .usage("T-1", "TERMINATION", "Germany", "USD", "0.0250", 120_000, "50.00")
                .build());
        // US-CA-PUC on USAGE only: 0.0033 * 50.00 = 0.165 -> 0.17 (half-up)
        // US-CA-LIFELINE on CHANNEL_FEES only: 0.0475 * 150.00 = 7.125 -> 7.13 (half-up)
        assertThat(taxes(invoice)).containsExactly(Map.entry("US-CA-PUC", "0.17"), Map.entry("US-CA-LIFELINE", "7.13"));
        assertThat(Rounding.decimal(taxLine(invoice, "US-CA-PUC").taxBase())).isEqualByComparingTo("50.00");
    }

    @Test
    void perTrunkMonthChargesTheFullRateForEveryTrunkThatExisted() {
        ServiceAddress aus = austin("ADDR-AUS", "ACC-US");
        Invoice invoice = invoice(anInvoiceInput(account("ACC-US", "USD", "US")).address(aus).taxes(sampleTaxRows())
                .trunk(aTrunk("T-1").channels(5).at(aus))
                .trunk(aTrunk("T-2").channels(5).at(aus).createdAt("2026-10-31T23:00:00Z"))
                .trunk(aTrunk("T-3").channels(5).at(aus).deletedAt("2026-09-15T00:00:00Z"))
                .build());
        // T-1 and T-2 (one hour of October is enough, not prorated): 2 * 2.00 = 4.00; T-3 was gone before October.
        // US-USF on 75.00 + 2.42 (5 * 15.00 * 1 / 31 = 2.419...) = 77.42: 0.244024 * 77.42 = 18.89233808 -> 18.89
        assertThat(taxes(invoice)).containsExactly(Map.entry("US-USF", "18.89"), Map.entry("US-TX-REG", "4.00"));
        assertThat(taxLine(invoice, "US-TX-REG").quantity()).isEqualByComparingTo("2");
    }

    @Test
    void perChannelMonthIsConvertedFromTheRowsCurrency() {
        ServiceAddress ny = newYork("ADDR-NY", "ACC-DE");
        Invoice invoice = invoice(anInvoiceInput(businessAccount("ACC-DE", "EUR", "DE", "DE123456789"))
                .plans(EUR_PLANS).address(ny)
                .taxes(List.of(tax("US-NY-E911").in("US", "NY", null, null).perChannelMonth("1.00", "USD").build()))
                .fx(fx("2026-10-31", "USD", "EUR", "0.878076"))
                .trunk(aTrunk("T-1").channels(10).at(ny).inDataCenter(DataCenter.FRANKFURT))
                .trunk(aTrunk("T-2").channels(10).at(ny).createdAt("2026-10-20T09:30:00Z"))
                .build());
        // 1.00 USD * 430 / 31 = 13.870967... USD * 0.878076 = 12.17976387... -> 12.18 EUR (converted unrounded)
        assertThat(taxes(invoice)).containsExactly(Map.entry("US-NY-E911", "12.18"));
    }

    @Test
    void reverseChargeForAForeignBusinessDomesticVatOtherwise() {
        List<com.trunkbill.ratetable.model.TaxRow> vat = sampleTaxRows();
        // DE business customer, seller HR: DE-VAT reverse charged, line 0.00 with its base kept
        ServiceAddress ber = berlin("ADDR-BER", "ACC-DE");
        Invoice german = invoice(anInvoiceInput(businessAccount("ACC-DE", "EUR", "DE", "DE123456789"))
                .plans(EUR_PLANS).address(ber).taxes(vat).trunk(aTrunk("T-1").channels(10).at(ber)).build());
        InvoiceLine deVat = taxLine(german, "DE-VAT");
        assertThat(Rounding.decimal(deVat.amount())).isEqualByComparingTo("0.00");
        assertThat(deVat.note()).isEqualTo("reverse charge");
        assertThat(Rounding.decimal(deVat.taxBase())).isEqualByComparingTo("150.00");
        assertThat(deVat.jurisdiction()).isEqualTo("DE-BE-Berlin");

        // HR business customer, seller HR: domestic, HR-VAT charged despite the vat_id: 0.25 * 150.00 = 37.50
        ServiceAddress zg = zagreb("ADDR-ZG", "ACC-HR");
        Invoice croatian = invoice(anInvoiceInput(businessAccount("ACC-HR", "EUR", "HR", "HR12345678901"))
                .plans(EUR_PLANS).address(zg).taxes(vat).trunk(aTrunk("T-2").channels(10).at(zg)).build());
        assertThat(taxes(croatian)).containsExactly(Map.entry("HR-VAT", "37.50"));
        assertThat(taxLine(croatian, "HR-VAT").note()).isNotEqualTo("reverse charge");

        // a German consumer (no vat_id) pays DE-VAT: 0.19 * 150.00 = 28.50
        Account consumer = account("ACC-DE2", "EUR", "DE");
        ServiceAddress ber2 = berlin("ADDR-BER2", "ACC-DE2");
        Invoice consumerInvoice = invoice(anInvoiceInput(consumer).plans(EUR_PLANS).address(ber2).taxes(vat)
                .trunk(aTrunk("T-3").channels(10).at(ber2)).build());
        assertThat(taxes(consumerInvoice)).containsExactly(Map.entry("DE-VAT", "28.50"));

        // the seller country is configuration: a DE seller charges DE-VAT to a DE business
        Invoice domesticForDeSeller = invoice(anInvoiceInput(businessAccount("ACC-DE", "EUR", "DE", "DE123456789"))
                .plans(EUR_PLANS).address(ber).taxes(vat).sellerCountry("DE")
                .trunk(aTrunk("T-1").channels(10).at(ber)).build());
        assertThat(taxes(domesticForDeSeller)).containsExactly(Map.entry("DE-VAT", "28.50"));
    }

    @Test
    void reverseChargeAppliesToEveryBasisOfAFlaggedRow() {
        ServiceAddress ber = berlin("ADDR-BER", "ACC-DE");
        Invoice invoice = invoice(anInvoiceInput(businessAccount("ACC-DE", "EUR", "DE", "DE123456789"))
                .plans(EUR_PLANS).address(ber)
                .taxes(List.of(tax("DE-FEE").in("DE", null, null, null).perChannelMonth("1.00", "USD")
                                .reverseChargeB2b().build(),
                        tax("DE-TRUNK").in("DE", null, null, null).perTrunkMonth("5.00", "EUR").reverseChargeB2b().build()))
                .trunk(aTrunk("T-1").channels(10).at(ber)).build());
        // both 0.00 with the note; the USD row needs no conversion (no USD->EUR rate here), so no hold
        assertThat(taxes(invoice)).containsExactly(Map.entry("DE-FEE", "0.00"), Map.entry("DE-TRUNK", "0.00"));
        assertThat(invoice.lines()).filteredOn(line -> line.kind() == LineKind.TAX)
                .allMatch(line -> "reverse charge".equals(line.note()));
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.DRAFT);
    }

    @Test
    void theJurisdictionIsTheServiceAddressNeverTheDataCenter() {
        // a US account's trunk in the NEW_YORK data center serving a Berlin address: DE-VAT, no US tax
        ServiceAddress ber = berlin("ADDR-BER", "ACC-US");
        Invoice us = invoice(anInvoiceInput(account("ACC-US", "USD", "US")).address(ber).taxes(sampleTaxRows())
                .trunk(aTrunk("T-1").channels(10).at(ber).inDataCenter(DataCenter.NEW_YORK)).build());
        // 0.19 * 150.00 = 28.50 (ACC-US has no vat_id: charged)
        assertThat(taxes(us)).containsExactly(Map.entry("DE-VAT", "28.50"));

        // a German account's trunk in FRANKFURT serving a New York address: US and NY taxes, no DE-VAT
        ServiceAddress ny = newYork("ADDR-NY", "ACC-DE");
        Invoice de = invoice(anInvoiceInput(businessAccount("ACC-DE", "EUR", "DE", "DE123456789")).plans(EUR_PLANS)
                .address(ny).taxes(sampleTaxRows()).fx(fx("2026-10-31", "USD", "EUR", "0.878076"))
                .trunk(aTrunk("T-2").channels(10).at(ny).inDataCenter(DataCenter.FRANKFURT)).build());
        // base 150.00 EUR: USF 0.244024 * 150 = 36.6036 -> 36.60; NY sales 6.00; MCTD 0.5625 -> 0.56;
        // NYC 6.75; E911 1.00 USD * 310 / 31 = 10.00 USD * 0.878076 = 8.78076 -> 8.78 EUR
        assertThat(taxes(de)).containsExactly(Map.entry("US-USF", "36.60"), Map.entry("US-NY-SALES", "6.00"),
                Map.entry("US-NY-MCTD", "0.56"), Map.entry("US-NY-NYC-LOCAL", "6.75"), Map.entry("US-NY-E911", "8.78"));
    }

    @Test
    void noAddressTrunksOfANonUsAccountAreTaxedByCountryOnlyRows() {
        List<ChannelPlanRow> sgdPlans = List.of(planRow("STANDARD", ChannelPlan.METERED, "15.00", "SGD", null, null, null, null));
        Invoice invoice = invoice(anInvoiceInput(account("ACC-SG", "SGD", "SG")).plans(sgdPlans)
                .taxes(List.of(tax("SG-GST").in("SG", null, null, null).percent("0.09").build(),
                        tax("SG-LOCAL").in("SG", "01", null, null).percent("0.5").build()))
                .trunk(aTrunk("T-1").channels(10).inDataCenter(DataCenter.KUALA_LUMPUR)).build());
        // only the country-only row: 0.09 * 150.00 = 13.50, jurisdiction = the account's country
        assertThat(taxes(invoice)).containsExactly(Map.entry("SG-GST", "13.50"));
        assertThat(taxLine(invoice, "SG-GST").jurisdiction()).isEqualTo("SG");
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.DRAFT);
    }

    @Test
    void aMissingPpuTrunkIsNotTaxedAndHoldsTheInvoice() {
        ServiceAddress ny = newYork("ADDR-NY", "ACC-US");
        Invoice invoice = invoice(anInvoiceInput(account("ACC-US", "USD", "US")).address(ny)
                .taxes(List.of(tax("US-NY-SALES").in("US", "NY", null, null).percent("0.04").build()))
                .trunk(aTrunk("T-1").channels(10).at(ny))
                .trunk(aTrunk("T-2").channels(10).missingPpu()).build());
        // only T-1's 150.00 is taxed: 0.04 * 150.00 = 6.00; T-2's fee is still billed
        assertThat(taxes(invoice)).containsExactly(Map.entry("US-NY-SALES", "6.00"));
        assertThat(Rounding.decimal(invoice.subtotal())).isEqualByComparingTo("300.00");
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ON_HOLD);
        assertThat(invoice.holdReason()).isEqualTo("trunk T-2 has no service address (MISSING_PPU): not taxed");
    }

    @Test
    void rowMatchingIsTrimmedCaseInsensitiveAndNeedsEveryNamedField() {
        ServiceAddress ber = berlin("ADDR-BER", "ACC-DE"); // no county
        Invoice invoice = invoice(anInvoiceInput(account("ACC-DE", "EUR", "DE")).plans(EUR_PLANS).address(ber)
                .taxes(List.of(
                        tax("MATCH").in(" de ", "be", null, " BERLIN ").percent("0.01").build(),
                        tax("NEEDS-COUNTY").in("DE", null, "Berlin", null).percent("0.02").build(),
                        tax("OTHER-STATE").in("DE", "BY", null, null).percent("0.03").build(),
                        tax("ENDED").in("DE", null, null, null).percent("0.04").effective("2026-01-01", "2026-10-31").build(),
                        tax("STARTS-LAST-DAY").in("DE", null, null, null).percent("0.05").effective("2026-10-31", null).build()))
                .trunk(aTrunk("T-1").channels(10).at(ber)).build());
        // MATCH 0.01 * 150 = 1.50; STARTS-LAST-DAY applies to the whole period: 0.05 * 150 = 7.50
        assertThat(taxes(invoice)).containsExactly(Map.entry("MATCH", "1.50"), Map.entry("STARTS-LAST-DAY", "7.50"));
    }
}
