package com.trunkbill.cdr;

import com.trunkbill.cdr.model.CdrBounds;
import com.trunkbill.cdr.model.ImportCounts;
import com.trunkbill.cdr.model.RejectReason;
import com.trunkbill.cdr.model.TrunkAttribution;
import com.trunkbill.inventory.InventoryRepository;
import com.trunkbill.testsupport.CanonicalCdrs;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.testsupport.InventoryFixtures.aTrunk;
import static com.trunkbill.testsupport.InventoryFixtures.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CdrFileIngester} with a {@link CdrFileIngester.FollowUp}: what follows storage is prepared on the reader
 * thread and handed over, chunk by chunk, for exactly the CDRs stored, in file order, after they are stored.
 */
public abstract class CdrFileIngesterFunctionalTests extends DatabaseTest {

    private static final String CALL = ",NEW_YORK,SBC,OUTBOUND,+12125550100,+442079460123,"
            + "2026-10-05T14:00:00Z,2026-10-05T14:00:05Z,2026-10-05T14:01:06Z,200,NORMAL_CLEARING,PCMU\n";

    @Autowired
    CdrImportRepository repository;

    @Autowired
    InventoryRepository inventory;

    @Autowired
    PlatformTransactionManager transactions;

    /** Records where and with what each half of the follow-up ran, and what was stored when it ran. */
    private final class Recorder implements CdrFileIngester.FollowUp<String> {

        final List<String> preparedOn = new CopyOnWriteArrayList<>();
        final List<String> prepared = new CopyOnWriteArrayList<>();
        final List<List<String>> storedChunks = new ArrayList<>();
        final List<Integer> cdrsStoredAtEachCall = new ArrayList<>();
        final List<String> storedOn = new ArrayList<>();

        @Override
        public String prepare(AcceptedCdr cdr) {
            preparedOn.add(Thread.currentThread().getName());
            String made = cdr.cdr().cdrId() + "@" + cdr.attribution().trunkId();
            prepared.add(made);
            return made;
        }

        @Override
        public void stored(List<String> chunk) {
            storedOn.add(Thread.currentThread().getName());
            storedChunks.add(List.copyOf(chunk));
            cdrsStoredAtEachCall.add(db.fetchCount(CDR));
        }
    }

    @Test
    void preparesOnTheReaderThreadAndHandsOverOnlyTheStoredCdrsInFileOrder() throws IOException {
        anAccount("A1").insert(db);
        aTrunk("T1").account("A1").dataCenter("NEW_YORK").createdAt("2026-01-01T00:00:00Z").channels(10).insert(db);
        Path file = Files.createDirectories(tempDir.resolve("in")).resolve("cdrs.csv");
        Files.writeString(file, CanonicalCdrs.HEADER
                + "c-1,call-1,T1,A1" + CALL                                      // stored
                + "c-2,call-2,T404,A1" + CALL                                    // UNKNOWN_TRUNK: never prepared
                + "c-1,call-1,T1,A1" + CALL                                      // duplicate: prepared, dropped
                + "c-1,call-other,T1,A1" + CALL                                  // DUPLICATE_CONFLICT: dropped
                + "c-3,call-3,T1,A1,NEW_YORK,SBC,OUTBOUND,,+442079460123,"
                + "2026-10-05T14:00:00Z,,2026-10-05T14:00:00Z,486,,\n"           // stored (unanswered)
                + "c-4,call-4,T1,,,,OUTBOUND\n");                                // MALFORMED_ROW: never prepared
        Recorder recorder = new Recorder();
        CdrFileIngester ingester = new CdrFileIngester(repository,
                new TrunkAttribution(inventory.trunkTimelines().values()), CdrBounds.DEFAULT,
                Instant.parse("2026-10-06T00:00:00Z"), recorder);

        ImportCounts counts = new TransactionTemplate(transactions).execute(status -> ingester.ingest(file,
                "hash-1", CdrFormat.CANONICAL, null, outputDir.resolve("rejects"), rows -> { },
                Instant.parse("2026-10-06T00:00:00Z")));

        assertThat(counts.accepted()).isEqualTo(2);
        assertThat(counts.duplicates()).isEqualTo(1);
        assertThat(counts.rejected(RejectReason.DUPLICATE_CONFLICT)).isEqualTo(1);
        assertThat(counts.rejected(RejectReason.UNKNOWN_TRUNK)).isEqualTo(1);
        assertThat(recorder.prepared).containsExactly("c-1@T1", "c-1@T1", "c-1@T1", "c-3@T1");
        assertThat(recorder.preparedOn).containsOnly("cdr-reader");
        assertThat(recorder.storedChunks).containsExactly(List.of("c-1@T1", "c-3@T1"));
        assertThat(recorder.storedOn).containsOnly(Thread.currentThread().getName());
        assertThat(recorder.cdrsStoredAtEachCall).containsExactly(2);
    }
}

@OnH2
class CdrFileIngesterH2FunctionalTests extends CdrFileIngesterFunctionalTests {
}

@OnPostgres
class CdrFileIngesterPostgresFunctionalTests extends CdrFileIngesterFunctionalTests {
}
