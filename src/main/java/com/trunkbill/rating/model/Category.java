package com.trunkbill.rating.model;

import com.trunkbill.ratetable.model.Direction;

/** SPEC §4.4: the category every rated CDR carries. */
public enum Category {
    /** Outbound traffic, rated on the callee number. */
    TERMINATION,
    /** Inbound traffic, rated on the DID called. */
    ORIGINATION,
    /** Outbound US-domestic traffic of an UNLIMITED_US trunk: cost 0, counts towards fair use (SPEC §4.3). */
    US_UNLIMITED;

    public static Category of(Direction direction) {
        return direction == Direction.OUTBOUND ? TERMINATION : ORIGINATION;
    }
}
