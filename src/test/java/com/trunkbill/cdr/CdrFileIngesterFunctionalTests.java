package com.trunkbill.cdr;

import com.trunkbill.cdr.model.CdrBounds;
import com.trunkbill.cdr.model.CdrIdFingerprint;
import com.trunkbill.cdr.model.ImportCounts;
import com.trunkbill.cdr.model.RejectReason;
import com.trunkbill.cdr.model.TrunkAttribution;
import com.trunkbill.inventory.InventoryRepository;
import com.trunkbill.testsupport.CanonicalCdrs;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    @BeforeEach
    void accountA1WithTrunkT1() {
        anAccount("A1").insert(db);
        aTrunk("T1").account("A1").dataCenter("NEW_YORK").createdAt("2026-01-01T00:00:00Z").channels(10).insert(db);
    }

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
                Instant.parse("2026-10-06T00:00:00Z"), true));

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

    @Test
    void aRepeatedCdrIdIsFoundInItsChunkBeforeAndAfterTheFirstRepeat() throws IOException {
        // In a chunk, accepted rows are remembered by fingerprint and, from the first repeated fingerprint on, by
        // cdr_id as well: rows accepted before that repeat and after it must both be found again.
        Path file = Files.createDirectories(tempDir.resolve("in")).resolve("cdrs.csv");
        Files.writeString(file, CanonicalCdrs.HEADER
                + "c-1,call-1,T1,A1" + CALL            // stored
                + "c-2,call-2,T1,A1" + CALL            // stored
                + "c-1,call-1,T1,A1" + CALL            // the first repeat: a duplicate
                + "c-3,call-3,T1,A1" + CALL            // stored after it
                + "c-3,call-other,T1,A1" + CALL        // DUPLICATE_CONFLICT with the row just stored
                + "c-2,call-2,T1,A1" + CALL);          // a duplicate of a row stored before the first repeat
        Recorder recorder = new Recorder();

        ImportCounts counts = ingest(repository, file, "hash-1", Instant.parse("2026-10-06T00:00:00Z"), recorder);

        assertThat(counts.accepted()).isEqualTo(3);
        assertThat(counts.duplicates()).isEqualTo(2);
        assertThat(counts.rejected(RejectReason.DUPLICATE_CONFLICT)).isEqualTo(1);
        assertThat(recorder.storedChunks).containsExactly(List.of("c-1@T1", "c-2@T1", "c-3@T1"));
        assertThat(db.fetchCount(CDR)).isEqualTo(3);
    }

    /** Records the size of each lookup of stored CDRs (a query), which a chunk without a known cdr_id must not need. */
    private static final class CountingRepository extends CdrImportRepository {

        final List<Integer> lookups = new ArrayList<>();

        CountingRepository(DSLContext db) {
            super(db);
        }

        @Override
        public Map<String, StoredCdr> storedCdrs(Collection<Long> keys) {
            if (!keys.isEmpty()) {
                lookups.add(keys.size());
            }
            return super.storedCdrs(keys);
        }
    }

    private ImportCounts ingest(CdrImportRepository repository, Path file, String hash, Instant ingestedAt,
                                Recorder recorder) {
        CdrFileIngester ingester = new CdrFileIngester(repository,
                new TrunkAttribution(inventory.trunkTimelines().values()), CdrBounds.DEFAULT, ingestedAt, recorder);
        return new TransactionTemplate(transactions).execute(status -> ingester.ingest(file, hash,
                CdrFormat.CANONICAL, null, outputDir.resolve("rejects"), rows -> { }, ingestedAt, true));
    }

    private static String rows(int from, int to) {
        StringBuilder rows = new StringBuilder();
        for (int i = from; i < to; i++) {
            rows.append("c-").append(i).append(",call-").append(i).append(",T1,A1").append(CALL);
        }
        return rows.toString();
    }

    @Test
    void chunksOfNewCdrsAreStoredWithoutADuplicateLookup() throws IOException {
        Path file = Files.createDirectories(tempDir.resolve("in")).resolve("cdrs.csv");
        Files.writeString(file, CanonicalCdrs.HEADER + rows(0, CdrFileIngester.CHUNK_SIZE + 10));
        CountingRepository counting = new CountingRepository(db);
        Recorder recorder = new Recorder();

        ImportCounts counts = ingest(counting, file, "hash-1", Instant.parse("2026-10-06T00:00:00Z"), recorder);

        assertThat(counts.accepted()).isEqualTo(CdrFileIngester.CHUNK_SIZE + 10);
        assertThat(counting.lookups).isEmpty();
        assertThat(db.fetchCount(CDR)).isEqualTo(CdrFileIngester.CHUNK_SIZE + 10);
        assertThat(recorder.cdrsStoredAtEachCall).containsExactly(CdrFileIngester.CHUNK_SIZE,
                CdrFileIngester.CHUNK_SIZE + 10);
    }

    @Test
    void onlyTheRowsWhoseCdrIdIsKnownAreLookedUpInOneQueryPerChunk() throws IOException {
        int chunk = CdrFileIngester.CHUNK_SIZE;
        Path file = Files.createDirectories(tempDir.resolve("in")).resolve("cdrs.csv");
        Files.writeString(file, CanonicalCdrs.HEADER + rows(0, chunk)           // chunk 1: new
                + "c-7,call-7,T1,A1" + CALL                                       // chunk 2: a duplicate of chunk 1,
                + rows(chunk, 2 * chunk - 2)                                      // new ones,
                + "c-8,call-other,T1,A1" + CALL                                   // a conflict with chunk 1
                + rows(2 * chunk, 2 * chunk + 3));                                // chunk 3: new
        CountingRepository counting = new CountingRepository(db);
        Recorder recorder = new Recorder();

        ImportCounts counts = ingest(counting, file, "hash-1", Instant.parse("2026-10-06T00:00:00Z"), recorder);

        assertThat(counts.read()).isEqualTo(2L * chunk + 3);
        assertThat(counts.accepted()).isEqualTo(2L * chunk + 1);
        assertThat(counts.duplicates()).isEqualTo(1);
        assertThat(counts.rejected(RejectReason.DUPLICATE_CONFLICT)).isEqualTo(1);
        // chunk 2 reads the two CDRs of chunk 1 that its rows repeat; chunks 1 and 3 read nothing
        assertThat(counting.lookups).containsExactly(2);
        assertThat(db.fetchCount(CDR)).isEqualTo(2 * chunk + 1);
        assertThat(db.fetchCount(CDR, CDR.CDR_ID.eq("c-8"))).isEqualTo(1);
        assertThat(db.select(CDR.CALL_ID).from(CDR).where(CDR.CDR_ID.eq("c-8")).fetchSingle().value1())
                .isEqualTo("call-8");
        assertThat(recorder.storedChunks).hasSize(3);
        assertThat(recorder.storedChunks.get(1)).hasSize(chunk - 2).doesNotContain("c-7@T1");
        assertThat(recorder.cdrsStoredAtEachCall).containsExactly(chunk, 2 * chunk - 2, 2 * chunk + 1);
    }

    @Test
    void aStoredCdrIdIsADuplicateEvenWhereItNoLongerPassesTheBoundsOrAttribution() throws IOException {
        Path in = Files.createDirectories(tempDir.resolve("in"));
        Files.writeString(in.resolve("a.csv"), CanonicalCdrs.HEADER + rows(0, 3));
        ingest(repository, in.resolve("a.csv"), "hash-a", Instant.parse("2026-10-06T00:00:00Z"), new Recorder());
        // half a year later the same CDRs are START_TOO_OLD, and c-2 names another account
        Files.writeString(in.resolve("b.csv"), CanonicalCdrs.HEADER + rows(0, 2)
                + "c-2,call-2,T1,A2" + CALL + rows(3, 4));
        Recorder recorder = new Recorder();

        ImportCounts counts = ingest(repository, in.resolve("b.csv"), "hash-b", Instant.parse("2027-04-06T00:00:00Z"),
                recorder);

        assertThat(counts.read()).isEqualTo(4);
        assertThat(counts.duplicates()).isEqualTo(2);
        assertThat(counts.rejected(RejectReason.DUPLICATE_CONFLICT)).isEqualTo(1);
        assertThat(counts.rejected(RejectReason.START_TOO_OLD)).isEqualTo(1);
        assertThat(counts.accepted()).isZero();
        assertThat(db.fetchCount(CDR)).isEqualTo(3);
        assertThat(recorder.storedChunks).containsExactly(List.of());
    }

    @Test
    void aCdrStoredWithoutAFingerprintIsStillADuplicateOrAConflict() throws IOException {
        Path in = Files.createDirectories(tempDir.resolve("in"));
        Files.writeString(in.resolve("a.csv"), CanonicalCdrs.HEADER + rows(0, 3));
        Instant ingestedAt = Instant.parse("2026-10-06T00:00:00Z");
        ingest(repository, in.resolve("a.csv"), "hash-a", ingestedAt, new Recorder());
        db.update(CDR).setNull(CDR.CDR_FP).execute(); // as V60 leaves the CDRs stored before it
        Files.writeString(in.resolve("b.csv"), CanonicalCdrs.HEADER + rows(0, 1)
                + "c-1,call-other,T1,A1" + CALL + rows(3, 5));
        CountingRepository counting = new CountingRepository(db);

        ImportCounts counts = ingest(counting, in.resolve("b.csv"), "hash-b", ingestedAt, new Recorder());

        assertThat(counts.read()).isEqualTo(4);
        assertThat(counts.duplicates()).isEqualTo(1);
        assertThat(counts.rejected(RejectReason.DUPLICATE_CONFLICT)).isEqualTo(1);
        assertThat(counts.accepted()).isEqualTo(2);
        assertThat(counting.lookups).containsExactly(2);
        assertThat(db.fetchCount(CDR)).isEqualTo(5);
        assertThat(db.select(CDR.CALL_ID).from(CDR).where(CDR.CDR_ID.eq("c-1")).fetchSingle().value1())
                .isEqualTo("call-1");
        assertThat(db.fetchCount(CDR, CDR.CDR_FP.isNull())).isEqualTo(3);
    }

    @Test
    void storesTheFingerprintOfEachCdrId() throws IOException {
        Path file = Files.createDirectories(tempDir.resolve("in")).resolve("cdrs.csv");
        Files.writeString(file, CanonicalCdrs.HEADER + rows(0, 2));

        ingest(repository, file, "hash-1", Instant.parse("2026-10-06T00:00:00Z"), new Recorder());

        assertThat(db.select(CDR.CDR_ID, CDR.CDR_FP).from(CDR).orderBy(CDR.CDR_KEY).fetch()
                .map(r -> r.value2() == CdrIdFingerprint.of(r.value1()))).containsExactly(true, true);
        assertThat(CdrIdFingerprint.of("c-0")).isNotEqualTo(CdrIdFingerprint.of("c-1"));
    }
}

@OnH2
class CdrFileIngesterH2FunctionalTests extends CdrFileIngesterFunctionalTests {
}

@OnPostgres
class CdrFileIngesterPostgresFunctionalTests extends CdrFileIngesterFunctionalTests {
}
