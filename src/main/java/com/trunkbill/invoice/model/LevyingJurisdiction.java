package com.trunkbill.invoice.model;

import com.trunkbill.ratetable.model.TaxRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The jurisdiction that levies a tax, the key of the tax summary. A tax line names the service address it was
 * computed for ({@code US-NY-New York-New York}, SPEC §5.3); the tax is owed to the authority its
 * {@code tax-rates.csv} row names: the address's country, state, county and city down to the most specific field
 * the row names. Singapore GST (row: country SG) is one jurisdiction {@code SG} whether the trunk has the
 * address {@code SG-Singapore} or none (taxed by the account's country, {@code SG}); the US federal USF (row:
 * country US) is {@code US} at every US address; New York state sales tax {@code US-NY}.
 */
public final class LevyingJurisdiction {

    private LevyingJurisdiction() {
    }

    /**
     * @param taxCode             the line's tax code
     * @param addressJurisdiction the line's jurisdiction (the service address, or the account's country)
     * @param taxRows             the tax rows that can name the tax code's location
     * @return the most specific location of a row of {@code taxCode} that equals the address jurisdiction or
     *         begins it (case-insensitive), spelled as in the address; the address jurisdiction itself when no
     *         row of the code matches (a code no longer in the tax table)
     */
    public static String of(String taxCode, String addressJurisdiction, List<TaxRow> taxRows) {
        if (taxCode == null || addressJurisdiction == null) {
            return addressJurisdiction;
        }
        String address = addressJurisdiction.toLowerCase(Locale.ROOT);
        int longest = -1;
        for (TaxRow row : taxRows) {
            if (!taxCode.equals(row.taxCode())) {
                continue;
            }
            String location = location(row).toLowerCase(Locale.ROOT);
            boolean matches = !location.isEmpty() && (address.equals(location) || address.startsWith(location + "-"));
            if (matches && location.length() > longest) {
                longest = location.length();
            }
        }
        return longest < 0 ? addressJurisdiction : addressJurisdiction.substring(0, longest);
    }

    /** The summary rows per address regrouped (summed) per levying jurisdiction, in {@link TaxSummaryRow#ORDER}. */
    public static List<TaxSummaryRow> regroup(List<TaxSummaryRow> perAddress, List<TaxRow> taxRows) {
        record Key(String jurisdiction, String taxCode, String currency, InvoiceStatus status) {
        }
        Map<Key, BigDecimal[]> sums = new LinkedHashMap<>();
        for (TaxSummaryRow row : perAddress) {
            Key key = new Key(of(row.taxCode(), row.jurisdiction(), taxRows), row.taxCode(), row.currency(),
                    row.status());
            BigDecimal[] sum = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(row.base());
            sum[1] = sum[1].add(row.tax());
        }
        List<TaxSummaryRow> rows = new ArrayList<>();
        sums.forEach((key, sum) -> rows.add(new TaxSummaryRow(key.jurisdiction(), key.taxCode(), key.currency(),
                key.status(), sum[0], sum[1])));
        rows.sort(TaxSummaryRow.ORDER);
        return rows;
    }

    /** The row's non-empty location fields, trimmed, joined like an address jurisdiction. */
    private static String location(TaxRow row) {
        return Stream.of(row.country(), row.state(), row.county(), row.city())
                .filter(Objects::nonNull).map(String::trim).filter(part -> !part.isEmpty())
                .collect(Collectors.joining("-"));
    }
}
