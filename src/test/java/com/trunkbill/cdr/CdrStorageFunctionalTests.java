package com.trunkbill.cdr;

import com.trunkbill.cdr.model.Cdr;
import com.trunkbill.cdr.model.TrunkAttribution;
import com.trunkbill.inventory.model.DataCenter;
import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.support.CdrKey;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static com.trunkbill.db.jooq.Tables.CDR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Storing accepted CDRs ({@link CdrImportRepository#insertCdrs}) keeps every value exactly as given, whatever the
 * text holds (quotes, commas, line breaks, backslashes, an empty string, which is not NULL), and instants to the
 * microsecond as the {@code TIMESTAMP WITH TIME ZONE} columns keep them ({@link AcceptedCdr#asStored}).
 */
public abstract class CdrStorageFunctionalTests extends DatabaseTest {

    /** Text as a foreign CDR file may hold it: quotes, a comma, line breaks, backslashes and COPY's markers. */
    static final String AWKWARD = "call \"1\", then\nline two\r\nC:\\cdrs\\N \\. and \"\"";

    @Autowired
    CdrImportRepository repository;

    @Test
    void awkwardValuesAreReadBackExactly() {
        long fileId = repository.insertFile("f.csv", "hash-of-f", CdrFormat.CANONICAL,
                Instant.parse("2026-10-06T00:00:00Z"));
        Cdr awkward = new Cdr(3_000_000_000L, "C-1", AWKWARD, null, "A1", null, "", Direction.OUTBOUND, "",
                "+442079460123", Instant.parse("2026-10-05T14:00:00.123456Z"), null,
                Instant.parse("2026-10-05T14:00:10.123456789Z"), 486, AWKWARD, null, "h1");
        Cdr plain = new Cdr(2, "C-2", null, "T-9", "A1", null, "SBC", Direction.INBOUND, "+12125550100",
                "+12125550101", Instant.parse("2026-10-31T23:59:59.999999Z"),
                Instant.parse("2026-10-31T23:59:59.999999Z"), Instant.parse("2026-11-01T00:00:01Z"), 200, null,
                "PCMU", "h2");

        repository.insertCdrs(fileId, List.of(
                new AcceptedCdr(awkward, new TrunkAttribution.Outcome("T1", "A1", null, true, null),
                        CdrKey.of(fileId, 3_000_000_000L)),
                new AcceptedCdr(plain, new TrunkAttribution.Outcome("T2", "A2", DataCenter.NEW_YORK, false, null),
                        CdrKey.of(fileId, 2))));

        List<List<Object>> stored = db.selectFrom(CDR).orderBy(CDR.CDR_ID).fetch(CdrStorageFunctionalTests::values);
        assertThat(stored.get(0)).containsExactly("C-1", fileId, 3_000_000_000L, AWKWARD, "T1", null, true, "A1",
                null, "", "OUTBOUND", "", "+442079460123", Instant.parse("2026-10-05T14:00:00.123456Z"), null,
                // 10.123456789 s rounded to the microsecond
                Instant.parse("2026-10-05T14:00:10.123457Z"), 486, AWKWARD, null, "2026-10", "h1",
                fileId * 4_294_967_296L + 3_000_000_000L);
        assertThat(stored.get(1)).containsExactly("C-2", fileId, 2L, null, "T2", "T-9", false, "A2", "NEW_YORK",
                "SBC", "INBOUND", "+12125550100", "+12125550101", Instant.parse("2026-10-31T23:59:59.999999Z"),
                Instant.parse("2026-10-31T23:59:59.999999Z"), Instant.parse("2026-11-01T00:00:01Z"), 200, null,
                "PCMU", "2026-10", "h2", fileId * 4_294_967_296L + 2);
        assertThat(stored.get(0).get(15)).isEqualTo(AcceptedCdr.asStored(awkward.endTime()));
    }

    private static List<Object> values(Record r) {
        return Arrays.asList(r.get(CDR.CDR_ID), r.get(CDR.FILE_ID), r.get(CDR.LINE_NO), r.get(CDR.CALL_ID),
                r.get(CDR.TRUNK_ID), r.get(CDR.CDR_TRUNK_ID), r.get(CDR.FRESHWORKS_OUTBOUND), r.get(CDR.ACCOUNT_ID),
                r.get(CDR.DATA_CENTER), r.get(CDR.SOURCE), r.get(CDR.DIRECTION), r.get(CDR.CALLER),
                r.get(CDR.CALLEE), r.get(CDR.START_TIME), r.get(CDR.ANSWER_TIME), r.get(CDR.END_TIME),
                r.get(CDR.SIP_STATUS), r.get(CDR.DISCONNECT_REASON), r.get(CDR.CODEC), r.get(CDR.PERIOD),
                r.get(CDR.CONTENT_HASH), r.get(CDR.CDR_KEY));
    }
}

@OnH2
class CdrStorageH2FunctionalTests extends CdrStorageFunctionalTests {
}

@OnPostgres
class CdrStoragePostgresFunctionalTests extends CdrStorageFunctionalTests {
}
