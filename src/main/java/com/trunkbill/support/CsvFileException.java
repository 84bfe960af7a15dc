package com.trunkbill.support;

/**
 * A whole input file refused (SPEC §8): not CSV, or a required column missing. The message names the file
 * and what is wrong; the job fails without partial effects.
 */
public class CsvFileException extends RuntimeException {

    public CsvFileException(String message) {
        super(message);
    }

    public CsvFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
