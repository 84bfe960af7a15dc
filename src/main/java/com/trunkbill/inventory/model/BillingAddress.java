package com.trunkbill.inventory.model;

import java.util.stream.Stream;

/**
 * Where a customer's invoices are addressed (optional {@code accounts.csv} columns {@code billing_street},
 * {@code billing_city}, {@code billing_postal_code}, {@code billing_state}); the country is the account's
 * {@code country}. Every part may be absent; {@link #NONE} has none.
 */
public record BillingAddress(String street, String city, String postalCode, String state) {

    public static final BillingAddress NONE = new BillingAddress(null, null, null, null);

    public boolean isEmpty() {
        return Stream.of(street, city, postalCode, state).allMatch(part -> part == null || part.isBlank());
    }
}
