package com.trunkbill.support;

/**
 * The storage key of a CDR, {@code cdr.cdr_key} and {@code rated_cdr.cdr_key} (V57): {@code file_id * 2^32 +
 * line_no}. Keys grow in the order CDRs arrive, so storing CDRs and their first ratings appends to the indexes on
 * them, a restarted import computes the same keys again, and a rating tells its file without a join.
 */
public final class CdrKey {

    /** The low bits of a key hold the line number, the high bits the file id. */
    public static final int LINE_BITS = 32;
    /** Line numbers of a file stay below this, so that a file's keys do not reach the next file's. */
    static final long LINES_PER_FILE = 1L << LINE_BITS;

    private CdrKey() {
    }

    /** The key of the CDR on line {@code lineNo} of file {@code fileId}. */
    public static long of(long fileId, long lineNo) {
        if (lineNo < 0 || lineNo >= LINES_PER_FILE) {
            throw new IllegalArgumentException("line " + lineNo + " of file " + fileId + ": a file has at most "
                    + (LINES_PER_FILE - 1) + " lines");
        }
        return fileId * LINES_PER_FILE + lineNo;
    }

    /** The id of the file the CDR with this key came from. */
    public static long fileId(long key) {
        return key >>> LINE_BITS;
    }
}
