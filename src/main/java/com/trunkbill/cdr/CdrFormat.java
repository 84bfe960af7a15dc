package com.trunkbill.cdr;

import java.util.Locale;

/** The CDR file layouts {@code import-cdrs --format} reads. */
public enum CdrFormat {
    /** SPEC §3.3: header row, columns by name. */
    CANONICAL,
    /** Asterisk cdr_csv Master.csv, no header. */
    ASTERISK,
    /** FreeSWITCH mod_cdr_csv, default "example" template, no header. */
    FREESWITCH;

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named by {@code --format}, or null when unknown. */
    public static CdrFormat fromOption(String value) {
        for (CdrFormat format : values()) {
            if (format.optionValue().equalsIgnoreCase(value)) {
                return format;
            }
        }
        return null;
    }
}
