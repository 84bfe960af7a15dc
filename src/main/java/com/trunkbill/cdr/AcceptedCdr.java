package com.trunkbill.cdr;

import com.trunkbill.cdr.model.Cdr;
import com.trunkbill.cdr.model.TrunkAttribution;

import java.time.ZoneOffset;

/** A CDR accepted for storage, with the trunk it is attributed to. */
public record AcceptedCdr(Cdr cdr, TrunkAttribution.Outcome attribution) {

    /** SPEC §4.1: the billing period (YYYY-MM) of start_time in UTC. */
    public String period() {
        var date = cdr.startTime().atOffset(ZoneOffset.UTC);
        int year = date.getYear();
        int month = date.getMonthValue();
        return (year < 1000 ? String.format("%04d", year) : Integer.toString(year)) + (month < 10 ? "-0" : "-") + month;
    }
}
