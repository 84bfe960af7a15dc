package com.trunkbill.cdr.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Parses ISO-8601 instants with an offset, exactly as {@code OffsetDateTime.parse(text).toInstant()} does,
 * but without java.time's formatter for the layouts SBCs write: {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}]} followed
 * by {@code Z} or {@code ±HH:MM}. Parsing instants this way is several times cheaper than the formatter,
 * which otherwise costs more than the CSV parsing itself (NOTES.md). Anything else falls back to java.time,
 * so the accepted language and the results are identical (checked by FastInstantParserPropertyTests).
 */
public final class FastInstantParser {

    /** Instants the databases store and a period (YYYY-MM) can name: years 0001 to 9999 (issue 12, fuzzing). */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private FastInstantParser() {
    }

    /** The instant, or null when the text is not an ISO-8601 date-time with an offset (SPEC §3). */
    public static Instant parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        Instant fast = fastPath(text);
        if (fast != null) {
            // a local year 0000 or 9999 with an offset can land outside the stored years
            return storable(fast);
        }
        try {
            return storable(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant storable(Instant instant) {
        return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? null : instant;
    }

    /** Null when the text is not in a fast-path layout (or not a valid date-time there); the caller falls back. */
    static Instant fastPath(String s) {
        int length = s.length();
        if (length < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int position = 19;
        int nanos = 0;
        if (s.charAt(position) == '.') {
            position++;
            int start = position;
            while (position < length && position - start < 9 && isDigit(s.charAt(position))) {
                nanos = nanos * 10 + (s.charAt(position) - '0');
                position++;
            }
            int fractionDigits = position - start;
            if (fractionDigits == 0 || (position < length && isDigit(s.charAt(position)))) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        int remaining = length - position;
        if (remaining == 1 && s.charAt(position) == 'Z') {
            offsetSeconds = 0;
        } else if (remaining == 6 && (s.charAt(position) == '+' || s.charAt(position) == '-')
                && s.charAt(position + 3) == ':') {
            int offsetHours = digits(s, position + 1, 2);
            int offsetMinutes = digits(s, position + 4, 2);
            if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59
                    || (offsetHours == 18 && offsetMinutes != 0)) {
                return null;
            }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (s.charAt(position) == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epochSecond = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second
                - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
