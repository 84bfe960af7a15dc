package com.trunkbill.cli;

/** Bad command-line usage: the launcher prints the message on one line and exits with 2 (SPEC §2). */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
