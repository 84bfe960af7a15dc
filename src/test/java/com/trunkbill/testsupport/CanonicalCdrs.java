package com.trunkbill.testsupport;

/** The canonical CDR file's header line, for tests that write CDR files by hand. */
public final class CanonicalCdrs {

    public static final String HEADER = "cdr_id,call_id,trunk_id,account_id,data_center,source,direction,caller,callee,"
            + "start_time,answer_time,end_time,sip_status,disconnect_reason,codec\n";

    private CanonicalCdrs() {
    }
}
