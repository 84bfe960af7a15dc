package com.trunkbill.ratetable.model;

import com.trunkbill.inventory.model.ChannelPlan;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** channel-plans.csv, tax-rates.csv and fx-rates.csv row validation (SPEC §3.2). */
class OtherRateTableFormatsTests {

    private static RowFields fields(String file, Map<String, String> row) {
        return new RowFields(file, 5, row::get);
    }

    private static List<String> reasons(RowFields fields) {
        return fields.problems().stream().map(p -> p.reason() + " " + p.field()).toList();
    }

    private static Map<String, String> plan(String plan, String fairUse, String overage) {
        Map<String, String> row = new HashMap<>(Map.of("price_list", "STANDARD", "plan", plan,
                "price_per_channel_month", "25.00", "currency", "USD", "effective_from", "2026-01-01"));
        if (fairUse != null) {
            row.put("fair_use_minutes_per_channel", fairUse);
        }
        if (overage != null) {
            row.put("overage_rate_per_minute", overage);
        }
        return row;
    }

    @Test
    void unlimitedPlansNeedTheirFairUseTermsAndMeteredPlansHaveNone() {
        ChannelPlansFormat format = new ChannelPlansFormat();
        ChannelPlanRow unlimited = format.parse(3, fields("channel-plans.csv", plan("UNLIMITED_US", "3000", "0.0100")));
        assertThat(unlimited.plan()).isEqualTo(ChannelPlan.UNLIMITED_US);
        assertThat(unlimited.fairUseMinutesPerChannel()).isEqualByComparingTo("3000");
        assertThat(unlimited.overageRatePerMinute()).isEqualByComparingTo("0.0100");
        assertThat(unlimited.effective()).isEqualTo(new EffectiveDates(LocalDate.parse("2026-01-01"), null));

        RowFields missing = fields("channel-plans.csv", plan("UNLIMITED_US", null, "0.0100"));
        assertThat(format.parse(3, missing)).isNull();
        assertThat(reasons(missing)).containsExactly("MISSING_FIELD fair_use_minutes_per_channel");

        // SPEC §3.2: the fair-use columns apply to UNLIMITED_US only: on a METERED row they are ignored, not refused
        RowFields metered = fields("channel-plans.csv", plan("METERED", "3000", "0.01"));
        ChannelPlanRow meteredRow = format.parse(3, metered);
        assertThat(metered.problems()).isEmpty();
        assertThat(meteredRow.fairUseMinutesPerChannel()).isNull();
        assertThat(meteredRow.overageRatePerMinute()).isNull();
        assertThat(format.parse(3, fields("channel-plans.csv", plan("METERED", null, null)))
                .fairUseMinutesPerChannel()).isNull();
    }

    private static Map<String, String> tax(String basis, String rate, String currency, String appliesTo) {
        Map<String, String> row = new HashMap<>(Map.of("tax_code", "US-NY-SALES", "tax_name", "NY sales tax",
                "country", "us", "state", "NY", "basis", basis, "rate", rate));
        if (currency != null) {
            row.put("currency", currency);
        }
        if (appliesTo != null) {
            row.put("applies_to", appliesTo);
        }
        return row;
    }

    @Test
    void taxRowsTakeTheirDefaultsAndPercentRatesAreFractions() {
        TaxRatesFormat format = new TaxRatesFormat();
        TaxRow percent = format.parse(1, fields("tax-rates.csv", tax("PERCENT", "0.04", null, "ALL")));
        assertThat(percent.country()).isEqualTo("US");
        assertThat(percent.baseFraction()).isEqualByComparingTo("1");
        assertThat(percent.reverseChargeB2b()).isFalse();
        assertThat(percent.effective()).isEqualTo(EffectiveDates.ALWAYS);

        RowFields percentTooBig = fields("tax-rates.csv", tax("PERCENT", "8.875", null, "ALL"));
        assertThat(format.parse(1, percentTooBig)).isNull();
        assertThat(percentTooBig.problems()).singleElement().extracting(RowProblem::detail)
                .isEqualTo("tax-rates.csv line 5, field rate: '8.875' must be a fraction between 0 and 1");

        RowFields percentWithoutBase = fields("tax-rates.csv", tax("PERCENT", "0.04", null, null));
        assertThat(format.parse(1, percentWithoutBase)).isNull();
        assertThat(reasons(percentWithoutBase)).containsExactly("MISSING_FIELD applies_to");

        TaxRow perTrunk = format.parse(1, fields("tax-rates.csv", tax("PER_TRUNK_MONTH", "2.00", "USD", null)));
        assertThat(perTrunk.appliesTo()).isEqualTo(TaxAppliesTo.ALL);
        assertThat(perTrunk.rate()).isEqualByComparingTo("2.00");

        RowFields perChannelWithoutCurrency = fields("tax-rates.csv", tax("PER_CHANNEL_MONTH", "1.00", null, null));
        assertThat(format.parse(1, perChannelWithoutCurrency)).isNull();
        assertThat(reasons(perChannelWithoutCurrency)).containsExactly("MISSING_FIELD currency");

        Map<String, String> badFlags = tax("PERCENT", "0.19", null, "ALL");
        badFlags.put("reverse_charge_b2b", "yes");
        badFlags.put("base_fraction", "1.2");
        RowFields flags = fields("tax-rates.csv", badFlags);
        assertThat(format.parse(1, flags)).isNull();
        assertThat(reasons(flags)).containsExactly("OUT_OF_RANGE base_fraction", "BAD_BOOLEAN reverse_charge_b2b");
    }

    @Test
    void taxOverlapKeyIsCodeAndJurisdiction() {
        TaxRatesFormat format = new TaxRatesFormat();
        TaxRow row = format.parse(1, fields("tax-rates.csv", tax("PERCENT", "0.04", null, "ALL")));
        assertThat(format.overlapEntry(row, 5).key()).isEqualTo("US-NY-SALES US-NY--");
    }

    @Test
    void fxRowsNeedTwoDifferentCurrenciesAndAPositiveRate() {
        FxRatesFormat format = new FxRatesFormat();
        Map<String, String> row = new HashMap<>(Map.of("date", "2026-10-31", "base", "USD", "quote", "EUR",
                "rate", "0.878076"));
        FxRow fx = format.parse(1, fields("fx-rates.csv", row));
        assertThat(fx.date()).isEqualTo(LocalDate.parse("2026-10-31"));
        assertThat(fx.rate()).isEqualByComparingTo("0.878076");
        assertThat(format.overlapEntry(fx, 5).key()).isEqualTo("USD/EUR on 2026-10-31");
        assertThat(format.overlapEntry(fx, 5).dates()).isEqualTo("[2026-10-31, 2026-11-01)");

        row.put("quote", "USD");
        row.put("rate", "0");
        RowFields bad = fields("fx-rates.csv", row);
        assertThat(format.parse(1, bad)).isNull();
        assertThat(reasons(bad)).containsExactly("OUT_OF_RANGE rate", "BAD_CURRENCY quote");
    }
}
