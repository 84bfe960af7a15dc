package com.trunkbill.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** A billing period: a calendar month in UTC, written {@code YYYY-MM} (SPEC §2, §4.1). */
public record BillingPeriod(YearMonth month) implements Comparable<BillingPeriod> {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    public static BillingPeriod parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a period YYYY-MM: " + text);
        }
        try {
            return new BillingPeriod(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a period YYYY-MM: " + text, e);
        }
    }

    /** The period an instant belongs to (its UTC calendar month). */
    public static BillingPeriod of(Instant instant) {
        return of(UtcDay.of(instant));
    }

    public static BillingPeriod of(LocalDate date) {
        return new BillingPeriod(YearMonth.from(date));
    }

    public LocalDate firstDay() {
        return month.atDay(1);
    }

    public LocalDate lastDay() {
        return month.atEndOfMonth();
    }

    public int days() {
        return month.lengthOfMonth();
    }

    /** First instant of the period, inclusive. */
    public Instant start() {
        return firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** First instant after the period, exclusive. */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    public BillingPeriod previous() {
        return new BillingPeriod(month.minusMonths(1));
    }

    /** {@code YYYYMM}, as used in invoice numbers. */
    public String compact() {
        return String.format("%04d%02d", month.getYear(), month.getMonthValue());
    }

    @Override
    public int compareTo(BillingPeriod other) {
        return month.compareTo(other.month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
