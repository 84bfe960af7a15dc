package com.trunkbill.ratetable.model;

/** SPEC §3.2: PERCENT (rate is a fraction), PER_CHANNEL_MONTH and PER_TRUNK_MONTH (rate is an amount). */
public enum TaxBasis {
    PERCENT, PER_CHANNEL_MONTH, PER_TRUNK_MONTH
}
