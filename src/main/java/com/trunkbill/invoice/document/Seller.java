package com.trunkbill.invoice.document;

import java.util.stream.Stream;

/**
 * Who issues the invoices (properties {@code trunkbill.seller.*}; the country is {@code trunkbill.seller-country},
 * the same one that decides VAT reverse charge). Absent parts are not printed.
 */
public record Seller(String name, String street, String postalCode, String city, String country, String vatId) {

    public Seller {
        name = blankToNull(name);
        street = blankToNull(street);
        postalCode = blankToNull(postalCode);
        city = blankToNull(city);
        country = blankToNull(country);
        vatId = blankToNull(vatId);
    }

    /** A seller known by name and country only. */
    public static Seller of(String name, String country) {
        return new Seller(name, null, null, null, country, null);
    }

    /** "postal code city", or whichever of the two is present (null when neither is). */
    String postalCodeAndCity() {
        String joined = String.join(" ", Stream.of(postalCode, city).filter(part -> part != null).toList());
        return joined.isEmpty() ? null : joined;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
