package com.trunkbill.ratetable.model;

import java.util.List;

/**
 * The CSV layout of one rate table (SPEC §3.2): its columns, the ones a header must have, how a row is
 * validated and built, and the key under which two rows must not overlap in time.
 *
 * @param <T> the row type
 */
public interface RateTableFormat<T> {

    /**
     * Which table a file fills and its header.
     *
     * @param columns         every column the file may have (lower case), in SPEC order
     * @param requiredColumns columns the header must have: those whose value is required on every row
     */
    record Layout(RateTable table, List<String> columns, List<String> requiredColumns) {
    }

    Layout layout();

    default RateTable table() {
        return layout().table();
    }

    /**
     * Validates one row and builds it, or returns null with the problems recorded in {@code fields}.
     *
     * @param versionId the table version the row is imported into
     */
    T parse(long versionId, RowFields fields);

    /** The row's entry for the overlap rule of this table, or null when the table has none. */
    OverlapCheck.Entry overlapEntry(T row, long lineNo);

    /** All four formats, in import order. */
    static List<RateTableFormat<?>> all() {
        return List.of(new RatesFormat(), new ChannelPlansFormat(), new TaxRatesFormat(), new FxRatesFormat());
    }
}
