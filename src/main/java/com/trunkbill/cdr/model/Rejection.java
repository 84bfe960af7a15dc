package com.trunkbill.cdr.model;

import java.util.Objects;

/** A refused row's reason code and a human-readable detail naming the field and value. */
public record Rejection(RejectReason reason, String detail) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
