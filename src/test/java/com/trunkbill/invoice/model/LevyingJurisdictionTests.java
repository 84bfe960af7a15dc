package com.trunkbill.invoice.model;

import com.trunkbill.ratetable.model.TaxRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.trunkbill.invoice.InvoiceFixtures.sampleTaxRows;
import static com.trunkbill.invoice.InvoiceFixtures.tax;
import static org.assertj.core.api.Assertions.assertThat;

class LevyingJurisdictionTests {

    private final List<TaxRow> rows = sampleTaxRows();

    @Test
    void aCountryTaxIsLeviedByTheCountryWhateverTheAddress() {
        // the demo's Singapore GST: TRK-7001 at "1 Raffles Place, Singapore" and TRK-7002 without an address
        assertThat(LevyingJurisdiction.of("SG-GST", "SG-Singapore", rows)).isEqualTo("SG");
        assertThat(LevyingJurisdiction.of("SG-GST", "SG", rows)).isEqualTo("SG");
        assertThat(LevyingJurisdiction.of("US-USF", "US-NY-New York-New York", rows)).isEqualTo("US");
        assertThat(LevyingJurisdiction.of("HR-VAT", "HR-21-Zagreb", rows)).isEqualTo("HR");
    }

    @Test
    void stateCountyAndCityTaxesKeepTheirLevel() {
        assertThat(LevyingJurisdiction.of("US-NY-SALES", "US-NY-New York-New York", rows)).isEqualTo("US-NY");
        assertThat(LevyingJurisdiction.of("US-NY-MCTD", "US-NY-New York-New York", rows)).isEqualTo("US-NY-New York");
        assertThat(LevyingJurisdiction.of("US-NY-NYC-LOCAL", "US-NY-New York-New York", rows))
                .isEqualTo("US-NY-New York-New York");
    }

    @Test
    void matchingIsCaseInsensitiveAndKeepsTheAddressSpelling() {
        List<TaxRow> lowerCase = List.of(tax("US-NY-MCTD").in("us", "ny", "new york ", null).percent("0.00375").build());

        assertThat(LevyingJurisdiction.of("US-NY-MCTD", "US-NY-New York-New York", lowerCase))
                .isEqualTo("US-NY-New York");
    }

    @Test
    void aCodeNoLongerInTheTableKeepsTheAddress() {
        assertThat(LevyingJurisdiction.of("XX-OLD", "US-NY-New York-New York", rows))
                .isEqualTo("US-NY-New York-New York");
        // a row naming a place the address does not begin with is not the code's location for it
        assertThat(LevyingJurisdiction.of("US-NY-SALES", "US-NYX-Foo", rows)).isEqualTo("US-NYX-Foo");
    }

    @Test
    void regroupingSumsTheAddressesOfOneLevyingJurisdictionPerStatus() {
        List<TaxSummaryRow> perAddress = List.of(
                new TaxSummaryRow("SG", "SG-GST", "SGD", InvoiceStatus.DRAFT, new BigDecimal("195.77"),
                        new BigDecimal("17.62")),
                new TaxSummaryRow("SG-Singapore", "SG-GST", "SGD", InvoiceStatus.DRAFT, new BigDecimal("372.05"),
                        new BigDecimal("33.48")),
                new TaxSummaryRow("SG-Singapore", "SG-GST", "SGD", InvoiceStatus.FINAL, new BigDecimal("10.00"),
                        new BigDecimal("0.90")));

        // 195.77 + 372.05 = 567.82; 17.62 + 33.48 = 51.10 (the sum of the rounded lines, as invoiced)
        assertThat(LevyingJurisdiction.regroup(perAddress, rows)).containsExactly(
                new TaxSummaryRow("SG", "SG-GST", "SGD", InvoiceStatus.FINAL, new BigDecimal("10.00"),
                        new BigDecimal("0.90")),
                new TaxSummaryRow("SG", "SG-GST", "SGD", InvoiceStatus.DRAFT, new BigDecimal("567.82"),
                        new BigDecimal("51.10")));
    }
}
