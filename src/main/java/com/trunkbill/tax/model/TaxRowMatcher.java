package com.trunkbill.tax.model;

import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.ratetable.model.TaxRow;

import java.util.Locale;

/**
 * Which tax rows apply to a place (SPEC §3.2, §9 "Tax row matching"): every location field the row names
 * (country, state, county, city) must equal the address's, trimmed and case-insensitive; a row naming a field the
 * address leaves empty does not apply. {@code state} is compared as written ({@code NY}).
 */
public final class TaxRowMatcher {

    private TaxRowMatcher() {
    }

    public static boolean appliesTo(TaxRow row, ServiceAddress address) {
        return fieldMatches(row.country(), address.country())
                && fieldMatches(row.state(), address.state())
                && fieldMatches(row.county(), address.county())
                && fieldMatches(row.city(), address.city());
    }

    /**
     * SPEC §5.3, §9: the no-address trunks of a non-US account are taxed by the rows whose only location field is
     * {@code country}, equal to the account's country.
     */
    public static boolean appliesToCountryOnly(TaxRow row, String accountCountry) {
        return isEmpty(row.state()) && isEmpty(row.county()) && isEmpty(row.city()) && !isEmpty(row.country())
                && normalise(row.country()).equals(normalise(accountCountry));
    }

    private static boolean fieldMatches(String rowValue, String addressValue) {
        if (isEmpty(rowValue)) {
            return true;
        }
        return !isEmpty(addressValue) && normalise(rowValue).equals(normalise(addressValue));
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isBlank();
    }

    private static String normalise(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
