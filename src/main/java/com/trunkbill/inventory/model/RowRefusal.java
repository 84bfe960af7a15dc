package com.trunkbill.inventory.model;

/** A row that fails validation: its reason code and a message naming the field and value. */
public final class RowRefusal extends RuntimeException {

    private final String reason;

    public RowRefusal(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
