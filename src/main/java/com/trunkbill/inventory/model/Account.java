package com.trunkbill.inventory.model;

import java.util.Objects;

/**
 * A customer account (SPEC §3.1; the latest snapshot wins). {@code vatId} marks a business customer for
 * VAT reverse charge (SPEC §5.3); {@code priceList} selects the rate-table rows (default STANDARD);
 * {@code billingAddress} is printed on invoices with {@code country} as the billing country.
 */
public record Account(String accountId, String name, String currency, String country, String priceList,
                      String vatId, BillingAddress billingAddress) {

    public Account {
        billingAddress = Objects.requireNonNullElse(billingAddress, BillingAddress.NONE);
    }

    /** An account without a billing address. */
    public Account(String accountId, String name, String currency, String country, String priceList, String vatId) {
        this(accountId, name, currency, country, priceList, vatId, BillingAddress.NONE);
    }

    public boolean hasVatId() {
        return vatId != null && !vatId.isBlank();
    }
}
