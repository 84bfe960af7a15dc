package com.trunkbill.ratetable.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** rates.csv row validation (SPEC §3.2) without a database. */
class RatesFormatTests {

    private final RatesFormat format = new RatesFormat();

    private static Map<String, String> validRow() {
        Map<String, String> row = new HashMap<>();
        row.put("price_list", "STANDARD");
        row.put("direction", "OUTBOUND");
        row.put("prefix", "4915");
        row.put("destination", "Germany - Mobile");
        row.put("rate_per_minute", "0.0390");
        row.put("currency", "USD");
        row.put("first_increment_s", "1");
        row.put("next_increment_s", "1");
        row.put("connect_fee", "0");
        row.put("effective_from", "2026-01-01");
        row.put("effective_to", "2026-10-15");
        return row;
    }

    private RowFields fields(Map<String, String> row) {
        return new RowFields("rates.csv", 40, row::get);
    }

    private List<String> problems(String column, String value) {
        Map<String, String> row = validRow();
        row.put(column, value);
        RowFields fields = fields(row);
        assertThat(format.parse(7, fields)).isNull();
        return fields.problems().stream().map(p -> p.reason() + " " + p.field() + " | " + p.detail()).toList();
    }

    @Test
    void parsesAValidRow() {
        RateRow row = format.parse(7, fields(validRow()));

        assertThat(row).isNotNull();
        assertThat(row.versionId()).isEqualTo(7);
        assertThat(row.rateId()).isEqualTo(40);
        assertThat(row.priceList()).isEqualTo("STANDARD");
        assertThat(row.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(row.prefix()).isEqualTo("4915");
        assertThat(row.destination()).isEqualTo("Germany - Mobile");
        assertThat(row.ratePerMinute()).isEqualByComparingTo("0.0390");
        assertThat(row.currency()).isEqualTo("USD");
        assertThat(row.firstIncrementS()).isEqualTo(1);
        assertThat(row.nextIncrementS()).isEqualTo(1);
        assertThat(row.connectFee()).isEqualByComparingTo("0");
        assertThat(row.effective()).isEqualTo(new EffectiveDates(LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-10-15")));
    }

    @Test
    void emptyOptionalCellsTakeTheDefaults() {
        Map<String, String> row = validRow();
        row.remove("first_increment_s");
        row.remove("next_increment_s");
        row.remove("connect_fee");
        row.remove("effective_from");
        row.remove("effective_to");

        RateRow parsed = format.parse(1, fields(row));

        assertThat(parsed.firstIncrementS()).isEqualTo(60);
        assertThat(parsed.nextIncrementS()).isEqualTo(60);
        assertThat(parsed.connectFee()).isEqualByComparingTo("0");
        assertThat(parsed.effective()).isEqualTo(EffectiveDates.ALWAYS);
    }

    @Test
    void everyRequiredFieldIsReportedMissing() {
        RowFields fields = fields(Map.of());
        assertThat(format.parse(1, fields)).isNull();
        assertThat(fields.problems()).extracting(RowProblem::field).containsExactly(
                "price_list", "direction", "prefix", "destination", "rate_per_minute", "currency");
        assertThat(fields.problems()).extracting(RowProblem::reason).containsOnly(RowProblem.MISSING_FIELD);
        assertThat(fields.problems().get(0).detail()).isEqualTo("rates.csv line 40, field price_list: is required");
    }

    @Test
    void numbersMustBePlainDecimalsAndAreKeptExactlyWhateverTheirScale() {
        assertThat(problems("rate_per_minute", "1e-2")).containsExactly("BAD_NUMBER rate_per_minute | rates.csv"
                + " line 40, field rate_per_minute: '1e-2' is not a plain decimal number (e.g. 0.0125)");
        assertThat(problems("rate_per_minute", ".5")).singleElement().asString().startsWith("BAD_NUMBER");
        assertThat(problems("rate_per_minute", "5.")).singleElement().asString().startsWith("BAD_NUMBER");
        assertThat(problems("rate_per_minute", "0,0390")).singleElement().asString().startsWith("BAD_NUMBER");
        // SPEC §3: any scale; kept exactly (issue 10: 0.0049999999999 refused the whole import)
        Map<String, String> thirteenDecimals = validRow();
        thirteenDecimals.put("rate_per_minute", "0.0049999999999");
        thirteenDecimals.put("connect_fee", "123456789012345678.0000000000001");
        RateRow row = format.parse(1, fields(thirteenDecimals));
        assertThat(row.ratePerMinute()).isEqualTo(new BigDecimal("0.0049999999999"));
        assertThat(row.connectFee()).isEqualTo(new BigDecimal("123456789012345678.0000000000001"));
        assertThat(problems("rate_per_minute", "0." + "1".repeat(1000))).singleElement().asString()
                .startsWith("BAD_NUMBER").endsWith("a number of 1002 characters is longer than 1000");
        Map<String, String> trailingZeros = validRow();
        trailingZeros.put("rate_per_minute", "0.039000000000000");
        assertThat(format.parse(1, fields(trailingZeros)).ratePerMinute()).isEqualByComparingTo("0.039");
    }

    @Test
    void negativePricesAndIncrementsBelowOneSecondAreRefused() {
        assertThat(problems("rate_per_minute", "-0.01")).containsExactly("OUT_OF_RANGE rate_per_minute | rates.csv"
                + " line 40, field rate_per_minute: '-0.01' must not be negative");
        assertThat(problems("connect_fee", "-1")).singleElement().asString().startsWith("OUT_OF_RANGE connect_fee");
        assertThat(problems("next_increment_s", "0")).containsExactly("OUT_OF_RANGE next_increment_s | rates.csv"
                + " line 40, field next_increment_s: '0' must be at least 1 second");
        assertThat(problems("first_increment_s", "1.5")).singleElement().asString()
                .startsWith("BAD_NUMBER first_increment_s");
    }

    @Test
    void prefixIsOneToFifteenDigits() {
        assertThat(problems("prefix", "+49")).containsExactly("BAD_PREFIX prefix | rates.csv line 40, field"
                + " prefix: '+49' is not 1 to 15 digits (E.164 without '+')");
        assertThat(problems("prefix", "1234567890123456")).singleElement().asString().startsWith("BAD_PREFIX");
        assertThat(problems("prefix", "49 15")).singleElement().asString().startsWith("BAD_PREFIX");
    }

    @Test
    void enumsCurrenciesAndDatesAreChecked() {
        assertThat(problems("direction", "SIDEWAYS")).containsExactly("BAD_ENUM direction | rates.csv line 40,"
                + " field direction: 'SIDEWAYS' is not one of INBOUND | OUTBOUND");
        assertThat(problems("currency", "XYZ")).containsExactly("BAD_CURRENCY currency | rates.csv line 40,"
                + " field currency: 'XYZ' is not an ISO 4217 currency code");
        assertThat(problems("effective_from", "2026-02-30")).containsExactly("BAD_DATE effective_from | rates.csv"
                + " line 40, field effective_from: '2026-02-30' is not a date YYYY-MM-DD");
        assertThat(problems("effective_to", "15.10.2026")).singleElement().asString().startsWith("BAD_DATE");
        assertThat(problems("effective_to", "2026-01-01")).containsExactly("EMPTY_PERIOD effective_to | rates.csv"
                + " line 40, field effective_to: 2026-01-01 is not after effective_from 2026-01-01");
        assertThat(problems("destination", "x".repeat(201))).containsExactly("FIELD_TOO_LONG destination |"
                + " rates.csv line 40, field destination: 201 characters, at most 200 allowed");
    }

    @Test
    void overlapKeyIsPriceListDirectionAndPrefix() {
        RateRow row = format.parse(1, fields(validRow()));
        assertThat(format.overlapEntry(row, 40).key()).isEqualTo("STANDARD OUTBOUND 4915");
        assertThat(format.overlapEntry(row, 40).dates()).isEqualTo("[2026-01-01, 2026-10-15)");
    }
}
