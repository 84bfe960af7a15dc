package com.trunkbill.ratetable;

/**
 * An import-rates run refused (SPEC §3.2, §8): a file with an invalid or overlapping row, a file that is not
 * CSV or lacks a required column. Nothing of any file is applied. The message names file, line and field.
 */
public class RateTableImportRefusedException extends RuntimeException {

    public RateTableImportRefusedException(String message) {
        super(message);
    }
}
