package com.trunkbill.ratetable.model;

import java.time.LocalDate;

/** SPEC §3.2: {@code effective_from} inclusive, {@code effective_to} exclusive, empty = open. */
public record EffectiveDates(LocalDate from, LocalDate to) {

    public static final EffectiveDates ALWAYS = new EffectiveDates(null, null);

    public EffectiveDates {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("effective_to " + to + " is not after effective_from " + from);
        }
    }

    public boolean covers(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to));
    }

    /** Whether two ranges share at least one day. */
    public boolean overlaps(EffectiveDates other) {
        boolean startsBeforeOtherEnds = from == null || other.to == null || from.isBefore(other.to);
        boolean otherStartsBeforeThisEnds = other.from == null || to == null || other.from.isBefore(to);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    @Override
    public String toString() {
        return "[" + (from == null ? "open" : from) + ", " + (to == null ? "open" : to) + ")";
    }
}
