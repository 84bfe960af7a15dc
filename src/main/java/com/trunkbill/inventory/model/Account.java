package com.trunkbill.inventory.model;

/**
 * A customer account (SPEC §3.1; the latest snapshot wins). {@code vatId} marks a business customer for
 * VAT reverse charge (SPEC §5.3); {@code priceList} selects the rate-table rows (default STANDARD).
 */
public record Account(String accountId, String name, String currency, String country, String priceList,
                      String vatId) {

    public boolean hasVatId() {
        return vatId != null && !vatId.isBlank();
    }
}
