package com.trunkbill.inventory.model;

/**
 * One rule violation found while importing an inventory snapshot (SPEC §3.1: "each violation reported by row
 * and reason"). {@code lineNo} and {@code rawRow} are null for a violation that no input row carries (an
 * address omitted from the snapshot but still in use, an account over its limits).
 */
public record SnapshotViolation(String fileName, Long lineNo, String entityId, Severity severity, String reason,
                                String message, String[] rawRow) {

    public static SnapshotViolation refused(String fileName, Long lineNo, String entityId, String reason,
                                            String message, String[] rawRow) {
        return new SnapshotViolation(fileName, lineNo, entityId, Severity.REFUSED, reason, message, rawRow);
    }

    public static SnapshotViolation warning(String fileName, Long lineNo, String entityId, String reason,
                                            String message) {
        return new SnapshotViolation(fileName, lineNo, entityId, Severity.WARNING, reason, message, null);
    }

    public boolean isRefused() {
        return severity == Severity.REFUSED;
    }

    /** {@code trunks.csv line 7} or {@code trunks.csv} when no line carries the violation. */
    public String where() {
        return lineNo == null ? fileName : fileName + " line " + lineNo;
    }
}
