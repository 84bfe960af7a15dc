package com.trunkbill.inventory.model;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A service address, the Place of Primary Use (PPU) that decides a trunk's taxes (SPEC §5.3).
 * {@code state} is the ISO 3166-2 subdivision code without country prefix ({@code NY}).
 */
public record ServiceAddress(String addressId, String accountId, String street, String city, String county,
                             String state, String postalCode, String country) {

    /** {@code US-NY-New York-New York}: country, state, county, city, the present ones joined by '-'. */
    public String jurisdiction() {
        return Stream.of(country, state, county, city)
                .filter(Objects::nonNull)
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining("-"));
    }
}
