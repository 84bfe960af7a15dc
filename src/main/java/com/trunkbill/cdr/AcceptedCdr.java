package com.trunkbill.cdr;

import com.trunkbill.cdr.model.Cdr;
import com.trunkbill.cdr.model.CdrIdFingerprint;
import com.trunkbill.cdr.model.TrunkAttribution;
import com.trunkbill.support.CdrKey;
import com.trunkbill.support.UtcDay;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A CDR accepted for storage, with the trunk it is attributed to.
 *
 * @param key         its storage key, {@code cdr.cdr_key} ({@link CdrKey})
 * @param fingerprint its cdr_id's fingerprint, {@code cdr.cdr_fp} ({@link CdrIdFingerprint})
 * @param period      SPEC §4.1: the billing period (YYYY-MM) of start_time in UTC ({@link #periodOf})
 */
public record AcceptedCdr(Cdr cdr, TrunkAttribution.Outcome attribution, long key, long fingerprint, String period) {

    private static final int NANOS_PER_MICRO = 1_000;

    /** A CDR accepted with the key given; its fingerprint and period from its cdr_id and start_time. */
    public AcceptedCdr(Cdr cdr, TrunkAttribution.Outcome attribution, long key) {
        this(cdr, attribution, key, CdrIdFingerprint.of(cdr.cdrId()), periodOf(cdr.startTime()));
    }

    /** SPEC §4.1: the billing period (YYYY-MM) of a CDR starting at {@code startTime}, its UTC month. */
    public static String periodOf(Instant startTime) {
        LocalDate date = UtcDay.of(startTime);
        int year = date.getYear();
        int month = date.getMonthValue();
        return (year < 1000 ? String.format("%04d", year) : Integer.toString(year)) + (month < 10 ? "-0" : "-") + month;
    }

    /**
     * The CDR as rating reads it back from {@code cdr}: attributed trunk and account, instants as the
     * {@code TIMESTAMP WITH TIME ZONE} columns keep them (microseconds, rounded), so that rating at ingest gives
     * exactly what rating the stored row gives.
     */
    public com.trunkbill.rating.model.Cdr forRating() {
        return new com.trunkbill.rating.model.Cdr(cdr.cdrId(), attribution.trunkId(), attribution.accountId(),
                period(), cdr.direction(), cdr.callee(), asStored(cdr.startTime()), asStored(cdr.answerTime()),
                asStored(cdr.endTime()), cdr.sipStatus(), cdr.disconnectReason());
    }

    static Instant asStored(Instant instant) {
        if (instant == null || instant.getNano() % NANOS_PER_MICRO == 0) {
            return instant;
        }
        long halfUp = (instant.getNano() + NANOS_PER_MICRO / 2) / NANOS_PER_MICRO * NANOS_PER_MICRO;
        return Instant.ofEpochSecond(instant.getEpochSecond(), halfUp);
    }
}
