package com.trunkbill.ratetable.model;

/** The four rate tables of SPEC §3.2, each versioned on every import; the name is stored in rate_table_version. */
public enum RateTable {
    RATES("rates.csv"),
    CHANNEL_PLANS("channel-plans.csv"),
    TAX_RATES("tax-rates.csv"),
    FX_RATES("fx-rates.csv");

    private final String fileName;

    RateTable(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
