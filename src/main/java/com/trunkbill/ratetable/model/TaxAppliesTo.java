package com.trunkbill.ratetable.model;

/** SPEC §3.2: what a PERCENT tax is levied on. */
public enum TaxAppliesTo {
    USAGE, CHANNEL_FEES, ALL
}
