package com.trunkbill.invoice.model;

/** The kinds of invoice line (SPEC §5.1); ADJUSTMENT lines appear on credit and debit notes only (SPEC §4.6). */
public enum LineKind {
    CHANNEL_FEE, USAGE, FAIR_USE_OVERAGE, TAX, ADJUSTMENT
}
