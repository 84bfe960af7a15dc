package com.trunkbill.cdr.model;

import com.trunkbill.inventory.model.DataCenter;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What an Asterisk or FreeSWITCH CDR file does not say and a deployment decides (properties
 * {@code trunkbill.cdr.asterisk.*} / {@code trunkbill.cdr.freeswitch.*}):
 *
 * @param trunkColumn      the column (by its documented name) carrying the trunkbill trunk id
 * @param inboundContexts  a call whose dialplan context contains one of these (case-insensitive) is INBOUND,
 *                         every other call OUTBOUND
 * @param zone             the time zone of the local "YYYY-MM-DD HH:MM:SS" times the switch writes
 * @param dataCenter       the data center of the switch (may be null)
 * @param source           the source written on the CDRs
 */
public record ForeignFormatSettings(String trunkColumn, List<String> inboundContexts, ZoneId zone,
                                    DataCenter dataCenter, String source) {

    public ForeignFormatSettings {
        Objects.requireNonNull(trunkColumn, "trunkColumn");
        Objects.requireNonNull(zone, "zone");
        inboundContexts = inboundContexts.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    public boolean isInbound(String context) {
        if (context == null) {
            return false;
        }
        String lower = context.toLowerCase(Locale.ROOT);
        return inboundContexts.stream().anyMatch(lower::contains);
    }
}
