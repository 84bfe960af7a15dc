package com.trunkbill.ratetable;

import com.trunkbill.ratetable.model.RateTable;

import java.util.List;

/**
 * What an import did with one rate-table file.
 *
 * @param rows            data rows read (LOADED: rows in the new version)
 * @param versionId       LOADED: the new version; UNCHANGED: the active version with the same content
 * @param previousVersion LOADED: the version it replaces, null for the table's first version
 * @param refusal         REFUSED: why, naming file, line and field (the first problems when there are many)
 * @param unknownColumns  header columns that are not part of the table (ignored, warned once)
 */
record TableImportOutcome(RateTable table, Status status, long rows, Long versionId, Long previousVersion,
                          String refusal, List<String> unknownColumns) {

    enum Status {
        LOADED, UNCHANGED, ABSENT, SKIPPED, REFUSED
    }

    static TableImportOutcome absent(RateTable table) {
        return new TableImportOutcome(table, Status.ABSENT, 0, null, null, null, List.of());
    }

    /** The file is there but must not be read ({@link com.trunkbill.support.InputFolder}): like absent, warned. */
    static TableImportOutcome skipped(RateTable table, String reason) {
        return new TableImportOutcome(table, Status.SKIPPED, 0, null, null, reason, List.of());
    }

    static TableImportOutcome unchanged(RateTable table, long activeVersion) {
        return new TableImportOutcome(table, Status.UNCHANGED, 0, activeVersion, null, null, List.of());
    }

    String fileName() {
        return table.fileName();
    }

    /** The summary line of this file (SPEC §2 job summary); {@code applied} is false when the import failed. */
    String summaryLine(boolean applied) {
        String name = table.fileName();
        return switch (status) {
            case ABSENT -> name + ": absent, table left as it is";
            case SKIPPED -> "warning: skipped " + name + ": " + refusal + "; table left as it is";
            case UNCHANGED -> name + ": unchanged (same content as active version " + versionId
                    + "), no new version";
            case REFUSED -> name + ": REFUSED: " + refusal;
            case LOADED -> applied
                    ? String.format("%s: %,d rows loaded as version %d (%s)", name, rows, versionId,
                            previousVersion == null ? "first version" : "replaces version " + previousVersion)
                    : String.format("%s: %,d valid rows, not applied (the import is refused as a whole)", name,
                            rows);
        };
    }
}
