package com.trunkbill.ratetable.model;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the typed fields of one rate-table row (SPEC §3: empty cell = absent, decimals with {@code .},
 * dates {@code YYYY-MM-DD}, ISO 4217 currencies) and collects every problem instead of stopping at the
 * first, so the rejects file names all of them. A getter returns null when the field is absent or bad;
 * {@link #valid()} says whether the row may be built.
 */
public final class RowFields {

    /**
     * Decimals are stored exactly as written, whatever their scale (SPEC §3; the columns are unbounded
     * decimals since V43). This bound only keeps a garbage cell (a megabyte of digits) out of the database.
     */
    public static final int MAX_DECIMAL_CHARACTERS = 1000;

    /** The range a decimal must lie in. */
    public enum Range {
        NON_NEGATIVE, POSITIVE, FRACTION
    }

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private final String fileName;
    private final long lineNo;
    private final Function<String, String> cells;
    private List<RowProblem> problems = List.of();

    /**
     * @param cells the trimmed value of a (lower-case) column, null when empty or absent
     */
    public RowFields(String fileName, long lineNo, Function<String, String> cells) {
        this.fileName = fileName;
        this.lineNo = lineNo;
        this.cells = cells;
    }

    public long lineNo() {
        return lineNo;
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public List<RowProblem> problems() {
        return problems;
    }

    /** Records a problem of this row; {@code field} may be null for a whole-row problem. */
    public void problem(String reason, String field, String message) {
        if (problems.isEmpty()) {
            problems = new ArrayList<>(2);
        }
        String where = fileName + " line " + lineNo + (field == null ? "" : ", field " + field);
        problems.add(new RowProblem(lineNo, reason, field, where + ": " + message));
    }

    public String value(String column) {
        return cells.apply(column);
    }

    /** The value of a column; null when empty, then recorded as missing when {@code required}. */
    private String value(String column, boolean required) {
        String value = value(column);
        if (value == null && required) {
            missing(column);
        }
        return value;
    }

    /** A required text of at most {@code maxLength} characters. */
    public String text(String column, int maxLength) {
        String value = value(column, true);
        return value == null ? null : withinLength(column, value, maxLength);
    }

    public String optionalText(String column, int maxLength) {
        String value = value(column);
        return value == null ? null : withinLength(column, value, maxLength);
    }

    private String withinLength(String column, String value, int maxLength) {
        if (value.length() > maxLength) {
            problem(RowProblem.FIELD_TOO_LONG, column, value.length() + " characters, at most " + maxLength
                    + " allowed");
            return null;
        }
        return value;
    }

    /** A required enum constant, case-insensitive. */
    public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
        String value = value(column, true);
        if (value == null) {
            return null;
        }
        return enumOf(column, type, value);
    }

    /** An optional enum constant, {@code defaultValue} when empty. */
    public <E extends Enum<E>> E enumValue(String column, Class<E> type, E defaultValue) {
        String value = value(column);
        return value == null ? defaultValue : enumOf(column, type, value);
    }

    private <E extends Enum<E>> E enumOf(String column, Class<E> type, String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(upper)) {
                return constant;
            }
        }
        problem(RowProblem.BAD_ENUM, column, quote(value) + " is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(" | ")));
        return null;
    }

    /** SPEC §3.2: the digits of an E.164 number without {@code +}, 1 to 15 of them. */
    public String prefix(String column) {
        String value = value(column, true);
        if (value == null) {
            return null;
        }
        if (value.length() > 15 || !allDigits(value)) {
            problem(RowProblem.BAD_PREFIX, column, quote(value) + " is not 1 to 15 digits (E.164 without '+')");
            return null;
        }
        return value;
    }

    /** An ISO 4217 currency code; a required one is reported missing when empty. */
    public String currency(String column, boolean required) {
        String value = value(column, required);
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!CURRENCIES.contains(upper)) {
            problem(RowProblem.BAD_CURRENCY, column, quote(value) + " is not an ISO 4217 currency code");
            return null;
        }
        return upper;
    }

    /** An ISO 3166-1 alpha-2 country code (two letters), upper-cased. */
    public String country(String column, boolean required) {
        String value = value(column, required);
        if (value == null) {
            return null;
        }
        if (value.length() != 2 || !Character.isLetter(value.charAt(0)) || !Character.isLetter(value.charAt(1))) {
            problem(RowProblem.BAD_COUNTRY, column, quote(value) + " is not a two-letter ISO 3166-1 country code");
            return null;
        }
        return value.toUpperCase(Locale.ROOT);
    }

    public BigDecimal decimal(String column, Range range) {
        String value = value(column, true);
        if (value == null) {
            return null;
        }
        return decimalOf(column, value, range);
    }

    /** An optional decimal; {@code defaultValue} (may be null) when empty. */
    public BigDecimal decimal(String column, Range range, BigDecimal defaultValue) {
        String value = value(column);
        return value == null ? defaultValue : decimalOf(column, value, range);
    }

    private BigDecimal decimalOf(String column, String value, Range range) {
        if (!isPlainDecimal(value)) {
            problem(RowProblem.BAD_NUMBER, column, quote(value) + " is not a plain decimal number (e.g. 0.0125)");
            return null;
        }
        if (value.length() > MAX_DECIMAL_CHARACTERS) {
            problem(RowProblem.BAD_NUMBER, column, "a number of " + value.length() + " characters is longer than "
                    + MAX_DECIMAL_CHARACTERS);
            return null;
        }
        BigDecimal number = new BigDecimal(value);
        String rangeProblem = switch (range) {
            case NON_NEGATIVE -> number.signum() < 0 ? "must not be negative" : null;
            case POSITIVE -> number.signum() <= 0 ? "must be greater than 0" : null;
            case FRACTION -> number.signum() < 0 || number.compareTo(BigDecimal.ONE) > 0
                    ? "must be a fraction between 0 and 1" : null;
        };
        if (rangeProblem != null) {
            problem(RowProblem.OUT_OF_RANGE, column, quote(value) + " " + rangeProblem);
            return null;
        }
        return number;
    }

    /** Digits, optionally signed, with an optional fraction: no exponent, no grouping, no {@code .5}. */
    static boolean isPlainDecimal(String value) {
        int start = value.charAt(0) == '-' ? 1 : 0;
        int point = value.indexOf('.');
        if (point < 0) {
            return value.length() > start && allDigits(value, start, value.length());
        }
        return point > start && point < value.length() - 1 && allDigits(value, start, point)
                && allDigits(value, point + 1, value.length());
    }

    /** A billing increment in seconds (SPEC §3.2): a whole number of at least 1, {@code defaultValue} when empty. */
    public Integer increment(String column, int defaultValue) {
        String value = value(column);
        if (value == null) {
            return defaultValue;
        }
        if (value.length() > 9 || !allDigits(value)) {
            problem(RowProblem.BAD_NUMBER, column, quote(value) + " is not a whole number of seconds");
            return null;
        }
        int seconds = Integer.parseInt(value);
        if (seconds < 1) {
            problem(RowProblem.OUT_OF_RANGE, column, quote(value) + " must be at least 1 second");
            return null;
        }
        return seconds;
    }

    public LocalDate date(String column, boolean required) {
        String value = value(column, required);
        if (value == null) {
            return null;
        }
        LocalDate date = parseDate(value);
        if (date == null) {
            problem(RowProblem.BAD_DATE, column, quote(value) + " is not a date YYYY-MM-DD");
        }
        return date;
    }

    /** {@code effective_from} (inclusive) and {@code effective_to} (exclusive), each empty = open (SPEC §3.2). */
    public EffectiveDates effectiveDates() {
        int before = problems.size();
        LocalDate from = date("effective_from", false);
        LocalDate to = date("effective_to", false);
        if (problems.size() > before) {
            return null;
        }
        if (from != null && to != null && !to.isAfter(from)) {
            problem(RowProblem.EMPTY_PERIOD, "effective_to", to + " is not after effective_from " + from);
            return null;
        }
        return new EffectiveDates(from, to);
    }

    /** SPEC §3: {@code true}/{@code false} (case-insensitive); {@code defaultValue} when empty. */
    public Boolean bool(String column, boolean defaultValue) {
        String value = value(column);
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        problem(RowProblem.BAD_BOOLEAN, column, quote(value) + " is not true or false");
        return null;
    }

    private void missing(String column) {
        problem(RowProblem.MISSING_FIELD, column, "is required");
    }

    /** Strict {@code YYYY-MM-DD} without java.time's parser on the hot path; null when not a valid date. */
    static LocalDate parseDate(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-'
                || !allDigits(value, 0, 4) || !allDigits(value, 5, 7) || !allDigits(value, 8, 10)) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(value, 0, 4, 10), Integer.parseInt(value, 5, 7, 10),
                    Integer.parseInt(value, 8, 10, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean allDigits(String value) {
        return !value.isEmpty() && allDigits(value, 0, value.length());
    }

    private static boolean allDigits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String quote(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "'" + shown + "'";
    }
}
