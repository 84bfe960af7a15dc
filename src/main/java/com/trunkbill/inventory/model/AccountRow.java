package com.trunkbill.inventory.model;

/** A valid row of {@code accounts.csv}. */
public record AccountRow(long lineNo, String[] raw, Account account) {
}
