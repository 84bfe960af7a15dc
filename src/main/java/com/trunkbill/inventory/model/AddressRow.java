package com.trunkbill.inventory.model;

/** A valid row of {@code service-addresses.csv}. */
public record AddressRow(long lineNo, String[] raw, ServiceAddress address) {
}
