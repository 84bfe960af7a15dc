package com.trunkbill.cdr.model;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Maps a headerless switch CDR record (Asterisk {@code Master.csv}, FreeSWITCH {@code mod_cdr_csv}) onto the
 * canonical columns; the canonical {@link CdrValidator} then applies unchanged. Shared rules:
 * <ul>
 *   <li>Local times {@code YYYY-MM-DD HH:MM:SS} are read in the configured zone and written as UTC instants;
 *       a time that does not read so is passed through as written and rejected {@code BAD_INSTANT}.</li>
 *   <li>Numbers: {@code +digits} stays, {@code 00digits} and {@code 011digits} become {@code +digits}, bare
 *       digits get a {@code +}; spaces, dashes, dots and brackets are dropped. A callee that is still not
 *       E.164 is rejected {@code BAD_NUMBER}; a caller that is not (an extension, "anonymous") is dropped,
 *       as the caller is informational.</li>
 * </ul>
 */
public abstract class ForeignCdrMapping {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    protected final ForeignFormatSettings settings;
    private final String formatName;
    private final List<String> columns;
    private final int trunkIndex;

    /**
     * @param formatName the {@code --format} value
     * @param columns    the documented columns of the format, in order
     */
    protected ForeignCdrMapping(String formatName, List<String> columns, ForeignFormatSettings settings) {
        this.formatName = formatName;
        this.columns = List.copyOf(columns);
        this.settings = settings;
        this.trunkIndex = columns.indexOf(settings.trunkColumn());
        if (trunkIndex < 0) {
            throw new IllegalArgumentException(formatName + ": trunk column '" + settings.trunkColumn()
                    + "' is not one of " + columns);
        }
    }

    /** The documented columns of the format, in order. */
    public final List<String> columns() {
        return columns;
    }

    public final String formatName() {
        return formatName;
    }

    /** Maps one record (fields as read); a record of another width is {@code MALFORMED_ROW}. */
    public final CdrRow map(long lineNo, String[] fields) {
        if (fields.length != columns().size()) {
            return new CdrRow(lineNo, new String[CdrColumn.count()], fields, true, null);
        }
        String[] trimmed = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String value = fields[i].trim();
            trimmed[i] = value.isEmpty() ? null : value;
        }
        String[] values = new String[CdrColumn.count()];
        values[CdrColumn.TRUNK_ID.ordinal()] = trimmed[trunkIndex];
        values[CdrColumn.SOURCE.ordinal()] = settings.source();
        values[CdrColumn.DATA_CENTER.ordinal()] = settings.dataCenter() == null ? null : settings.dataCenter().name();
        Rejection rejection = mapFields(trimmed, values);
        return new CdrRow(lineNo, values, fields, false, rejection);
    }

    /** Fills the other canonical values; returns a rejection when the record is already known to be bad. */
    protected abstract Rejection mapFields(String[] fields, String[] canonical);

    protected static void put(String[] canonical, CdrColumn column, String value) {
        canonical[column.ordinal()] = value;
    }

    protected String direction(String context) {
        return settings.isInbound(context) ? "INBOUND" : "OUTBOUND";
    }

    /** A local switch time as an ISO UTC instant; unreadable text is returned as is (BAD_INSTANT later). */
    protected String instant(String localTime) {
        if (localTime == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(localTime, LOCAL).atZone(settings.zone()).toInstant().toString();
        } catch (DateTimeException e) {
            return localTime;
        }
    }

    /** See the class comment; null stays null. */
    public static String normaliseNumber(String number) {
        if (number == null) {
            return null;
        }
        StringBuilder cleaned = new StringBuilder(number.length() + 1);
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                cleaned.append(c);
            }
        }
        String text = cleaned.toString();
        if (text.isEmpty() || text.startsWith("+")) {
            return text.isEmpty() ? null : text;
        }
        if (!text.chars().allMatch(Character::isDigit)) {
            return text;
        }
        if (text.startsWith("011")) {
            return "+" + text.substring(3);
        }
        if (text.startsWith("00")) {
            return "+" + text.substring(2);
        }
        return "+" + text;
    }

    /** The caller if it normalises to E.164, else null (withheld, an extension). */
    protected static String callerOrNull(String number) {
        String normalised = normaliseNumber(number);
        return CdrValidator.isE164(normalised) ? normalised : null;
    }

    protected static Rejection unknownStatus(String field, String value, Map<String, Integer> known) {
        return new Rejection(RejectReason.BAD_ENUM, field + " '" + value + "' is not one of " + known.keySet());
    }
}
