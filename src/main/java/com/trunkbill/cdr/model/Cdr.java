package com.trunkbill.cdr.model;

import com.trunkbill.inventory.model.DataCenter;
import com.trunkbill.ratetable.model.Direction;

import java.time.Instant;

/**
 * A validated CDR (SPEC §3.3) as the file gave it, before trunk attribution. {@code trunkId} is the file's
 * (null for Freshworks outbound traffic); {@code contentHash} identifies its content for duplicate detection
 * (SPEC §9: trimmed text of the §3.3 columns).
 */
public record Cdr(long lineNo, String cdrId, String callId, String trunkId, String accountId, DataCenter dataCenter,
                  String source, Direction direction, String caller, String callee, Instant startTime,
                  Instant answerTime, Instant endTime, int sipStatus, String disconnectReason, String codec,
                  String contentHash) {

    public boolean isFreshworksSource() {
        return TrunkAttribution.FRESHWORKS_SOURCE.equalsIgnoreCase(source);
    }
}
