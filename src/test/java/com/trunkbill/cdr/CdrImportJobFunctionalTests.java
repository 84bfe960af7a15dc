package com.trunkbill.cdr;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cdr.generator.CdrGenerator;
import com.trunkbill.cdr.generator.GeneratorInventory;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.db.jooq.tables.records.CdrFileRecord;
import com.trunkbill.db.jooq.tables.records.CdrRecord;
import com.trunkbill.testsupport.CanonicalCdrs;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.CDR_FILE;
import static com.trunkbill.db.jooq.Tables.CDR_FILE_REJECT;
import static com.trunkbill.testsupport.InventoryFixtures.aTrunk;
import static com.trunkbill.testsupport.InventoryFixtures.anAccount;
import static com.trunkbill.testsupport.InventoryFixtures.loadInventory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** cdrImportJob end to end (SPEC §3.3, §4.2, §8, §9), launched as the CLI does. */
public abstract class CdrImportJobFunctionalTests extends DatabaseTest {

    static final String HEADER = CanonicalCdrs.HEADER;
    static final String ANSWERED = "c-1,call-1,T1,A1,NEW_YORK,SBC,OUTBOUND,+12125550100,+442079460123,"
            + "2026-10-05T14:00:00Z,2026-10-05T14:00:05Z,2026-10-05T14:01:06Z,200,NORMAL_CLEARING,PCMU\n";

    @Autowired
    JobLaunchService launcher;

    @BeforeEach
    void inventory() {
        anAccount("A1").insert(db);
        aTrunk("T1").account("A1").dataCenter("NEW_YORK").createdAt("2026-01-01T00:00:00Z").channels(10).insert(db);
        anAccount("FRESH").insert(db);
        aTrunk("FW-OLD").account("FRESH").freshworks().dataCenter("NEW_YORK").createdAt("2026-03-01T00:00:00Z")
                .deletedAt("2026-10-18T12:00:00Z").channels(10).insert(db);
        aTrunk("FW-NEW").account("FRESH").freshworks().dataCenter("NEW_YORK").createdAt("2026-05-10T15:45:00Z")
                .channels(5).adminStatus("DISABLED").insert(db);
    }

    JobExecution importCdrs(Path dir, String format) {
        return launcher.launch("cdrImportJob", new JobParametersBuilder().addString("dir", dir.toString())
                .addString("format", format).toJobParameters(), RunPolicy.NEW_RUN_EACH_TIME).execution();
    }

    JobExecution importCdrs(Path dir) {
        JobExecution execution = importCdrs(dir, "canonical");
        assertThat(execution.getStatus()).as(JobSummary.lines(execution).toString()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    Path write(String dir, String name, String content) throws IOException {
        Path folder = Files.createDirectories(tempDir.resolve(dir));
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    CdrFileRecord fileRecord(String name) {
        return db.selectFrom(CDR_FILE).where(CDR_FILE.FILE_NAME.eq(name)).fetchSingle();
    }

    List<CSVRecord> rejects(String name) throws IOException {
        try (Reader reader = Files.newBufferedReader(outputDir.resolve("rejects").resolve(name + ".rejects.csv"))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    static void assertReadIsTheSumOfOutcomes(CdrFileRecord file) {
        assertThat(file.getReadCount()).isEqualTo(file.getAccepted() + file.getDuplicates() + file.getUnknownTrunk()
                + file.getAccountMismatch() + file.getNoTrunk() + file.getDuplicateConflict() + file.getMalformed());
    }

    @Test
    void everyMalformedReasonIsCountedAndEachRefusedRowWrittenWithItsLineAndReason() throws IOException {
        String a = "2026-10-05T14:00:00Z";
        write("in", "cdrs.csv", HEADER
                + ANSWERED                                                                                     // line 2
                + "c-2,call-2,T1,A1,NEW_YORK,SBC,OUTBOUND,+12125550100,+442079460123," + a + "\n"              // line 3
                + "c-3,call-3,T1,A1,NEW_YORK,SBC,OUTBOUND,+12125550100,," + a + ",," + a + ",486,,\n"          // line 4
                + "c-4,call-4,T1,A1,NEW_YORK,SBC,OUTBOUND,,+442079460123,2026-10-05 14:00:00,," + a + ",486,,\n" // 5
                + "c-5,call-5,T1,A1,NEW_YORK,SBC,OUTBOUND,,442079460123," + a + ",," + a + ",486,,\n"          // line 6
                + "c-6,call-6,T1,A1,NEW_YORK,SBC,OUTGOING,,+442079460123," + a + ",," + a + ",486,,\n"         // line 7
                + "c-7-" + "x".repeat(61) + ",call-7,T1,A1,NEW_YORK,SBC,OUTBOUND,,+442079460123," + a + ",," + a
                + ",486,,\n"                                                                                   // line 8
                + "c-8,call-8,T1,A1,NEW_YORK,SBC,OUTBOUND,,+442079460123," + a + ",,2026-10-05T13:59:59Z,487,,\n" // 9
                + "c-9,call-9,T1,A1,NEW_YORK,SBC,OUTBOUND,,+442079460123," + a
                + ",2026-10-05T14:00:30Z,2026-10-05T14:00:20Z,200,,\n"                                         // line 10
                + "\n"                                                                                         // line 11
                + "c-10,\"call-10\nsecond line\",T1,,,,INBOUND,,+12125550100," + a + ",," + a + ",480,,\n"     // 12-13
                + "c-11,call-11,T404,A1,NEW_YORK,SBC,OUTBOUND,,+442079460123," + a + ",," + a + ",486,,\n");   // 14

        JobExecution execution = importCdrs(tempDir.resolve("in"));

        CdrFileRecord file = fileRecord("cdrs.csv");
        // 11 records (the empty line 11 is no row): c-1 and c-10 accepted, 8 malformed, 1 unknown trunk
        assertThat(file.getReadCount()).isEqualTo(11);
        assertThat(file.getAccepted()).isEqualTo(2);
        assertThat(file.getMalformed()).isEqualTo(8);
        assertThat(file.getUnknownTrunk()).isEqualTo(1);
        assertThat(file.getDuplicates() + file.getAccountMismatch() + file.getNoTrunk() + file.getDuplicateConflict())
                .isZero();
        assertReadIsTheSumOfOutcomes(file);
        assertThat(rejects("cdrs.csv")).extracting(r -> r.get("line"), r -> r.get("reason")).containsExactly(
                tuple("3", "MALFORMED_ROW"), tuple("4", "MISSING_FIELD"), tuple("5", "BAD_INSTANT"),
                tuple("6", "BAD_NUMBER"), tuple("7", "BAD_ENUM"), tuple("8", "FIELD_TOO_LONG"),
                tuple("9", "END_BEFORE_START"), tuple("10", "ANSWER_OUTSIDE_CALL"), tuple("14", "UNKNOWN_TRUNK"));
        assertThat(rejects("cdrs.csv").get(0).get("row"))
                .isEqualTo("c-2,call-2,T1,A1,NEW_YORK,SBC,OUTBOUND,+12125550100,+442079460123," + a);
        assertThat(db.select(CDR_FILE_REJECT.REASON, CDR_FILE_REJECT.ROW_COUNT).from(CDR_FILE_REJECT)
                .orderBy(CDR_FILE_REJECT.REASON).fetch().map(r -> r.value1() + "=" + r.value2())).containsExactly(
                "ANSWER_OUTSIDE_CALL=1", "BAD_ENUM=1", "BAD_INSTANT=1", "BAD_NUMBER=1", "END_BEFORE_START=1",
                "FIELD_TOO_LONG=1", "MALFORMED_ROW=1", "MISSING_FIELD=1", "UNKNOWN_TRUNK=1");
        assertThat(db.select(CDR.CDR_ID, CDR.LINE_NO).from(CDR).orderBy(CDR.LINE_NO).fetch()
                .map(r -> r.value1() + "@" + r.value2())).containsExactly("c-1@2", "c-10@12");
        assertThat(JobSummary.lines(execution)).contains("cdrs.csv: read 11  accepted 2  duplicates 0  rejected 9 ("
                + "MALFORMED_ROW 1, MISSING_FIELD 1, FIELD_TOO_LONG 1, BAD_ENUM 1, BAD_INSTANT 1, BAD_NUMBER 1, "
                + "END_BEFORE_START 1, ANSWER_OUTSIDE_CALL 1, UNKNOWN_TRUNK 1)",
                "cdrs.csv: refused rows with line and reason in " + outputDir.resolve("rejects/cdrs.csv.rejects.csv"));
    }

    /**
     * Issue 12 finding 2: sane bounds on top of SPEC's "longer than 24 h" anomaly, checked against the ingestion
     * instant (the tests' clock: {@value OnH2#NOW}), each a malformed reason of its own.
     */
    @Test
    void cdrsOutsideTheSaneBoundsAreRejectedAsMalformedWithTheirReason() throws IOException {
        String row = "%s,call,T1,A1,NEW_YORK,SBC,OUTBOUND,+12125550100,+442079460123,%s,%s,%s,200,,\n";
        write("in", "cdrs.csv", HEADER
                + ANSWERED                                                                                   // line 2
                // 1970: before T1 was created (2026-01-01)
                + row.formatted("b-1", "1970-01-01T00:00:00Z", "1970-01-01T00:00:01Z", "1970-01-01T00:01:00Z") // 3
                // 2026-08-16: 91 days before 2026-11-15, T1 already existed
                + row.formatted("b-2", "2026-08-16T00:00:00Z", "2026-08-16T00:00:01Z", "2026-08-16T00:01:00Z") // 4
                // 100 years long
                + row.formatted("b-3", "2026-10-05T14:00:00Z", "2026-10-05T14:00:01Z", "2126-10-05T14:00:00Z") // 5
                // 7 days and 1 s: over the maximum
                + row.formatted("b-4", "2026-10-05T14:00:00Z", "2026-10-05T14:00:01Z", "2026-10-12T14:00:01Z") // 6
                // ends 1 day and 1 s after the ingestion instant
                + row.formatted("b-5", "2026-11-15T23:59:00Z", "2026-11-15T23:59:01Z", "2026-11-16T00:00:01Z") // 7
                // on the limits: exactly 90 days old, exactly 7 days long, ends exactly 1 day after the ingestion
                + row.formatted("ok-1", "2026-08-17T00:00:00Z", "2026-08-17T00:00:01Z", "2026-08-17T00:01:00Z")
                + row.formatted("ok-2", "2026-10-05T14:00:00Z", "2026-10-05T14:00:01Z", "2026-10-12T14:00:00Z")
                + row.formatted("ok-3", "2026-11-15T23:59:00Z", "2026-11-15T23:59:01Z", "2026-11-16T00:00:00Z"));

        JobExecution execution = importCdrs(tempDir.resolve("in"));

        CdrFileRecord file = fileRecord("cdrs.csv");
        assertThat(file.getReadCount()).isEqualTo(9);
        assertThat(file.getAccepted()).isEqualTo(4);
        assertThat(file.getMalformed()).isEqualTo(5);
        assertReadIsTheSumOfOutcomes(file);
        assertThat(rejects("cdrs.csv")).extracting(r -> r.get("line"), r -> r.get("reason")).containsExactly(
                tuple("3", "START_BEFORE_TRUNK"), tuple("4", "START_TOO_OLD"), tuple("5", "DURATION_TOO_LONG"),
                tuple("6", "DURATION_TOO_LONG"), tuple("7", "END_IN_FUTURE"));
        assertThat(rejects("cdrs.csv")).extracting(r -> r.get("detail")).containsExactly(
                "start_time 1970-01-01T00:00:00Z is before trunk T1 was created (2026-01-01T00:00:00Z)",
                "start_time 2026-08-16T00:00:00Z is more than 90 days before the ingestion instant"
                        + " 2026-11-15T00:00:00Z (trunkbill.cdr.bounds.max-age)",
                "end_time 2126-10-05T14:00:00Z is more than 7 days after start_time 2026-10-05T14:00:00Z"
                        + " (trunkbill.cdr.bounds.max-duration)",
                "end_time 2026-10-12T14:00:01Z is more than 7 days after start_time 2026-10-05T14:00:00Z"
                        + " (trunkbill.cdr.bounds.max-duration)",
                "end_time 2026-11-16T00:00:01Z is more than 1 day after the ingestion instant 2026-11-15T00:00:00Z"
                        + " (trunkbill.cdr.bounds.future-tolerance)");
        assertThat(db.select(CDR.CDR_ID).from(CDR).orderBy(CDR.CDR_ID).fetch(CDR.CDR_ID))
                .containsExactly("c-1", "ok-1", "ok-2", "ok-3");
        assertThat(JobSummary.lines(execution)).contains("cdrs.csv: read 9  accepted 4  duplicates 0  rejected 5 ("
                + "START_BEFORE_TRUNK 1, START_TOO_OLD 1, DURATION_TOO_LONG 2, END_IN_FUTURE 1)");
    }

    /** A night's import checks the bounds against the end of that night, whatever the clock says. */
    @Test
    void theIngestionInstantIsTheJobParameterWhenGiven() throws IOException {
        write("in", "cdrs.csv", HEADER + ANSWERED); // 2026-10-05: accepted at 2026-11-15, too old in June 2027
        JobExecution execution = launcher.launch("cdrImportJob", new JobParametersBuilder()
                .addString("dir", tempDir.resolve("in").toString()).addString("format", "canonical")
                .addString(CdrImportJobConfiguration.INGESTED_AT, "2027-06-01T00:00:00Z", false).toJobParameters(),
                RunPolicy.NEW_RUN_EACH_TIME).execution();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(rejects("cdrs.csv")).extracting(r -> r.get("reason")).containsExactly("START_TOO_OLD");
    }

    @Test
    void anAcceptedCdrIsStoredWithItsPeriodTrunkAndInstants() throws IOException {
        write("in", "cdrs.csv", HEADER + ANSWERED.replace(",A1,", ",,"));
        importCdrs(tempDir.resolve("in"));

        CdrRecord cdr = db.selectFrom(CDR).fetchSingle();
        assertThat(cdr.getCdrId()).isEqualTo("c-1");
        assertThat(cdr.getTrunkId()).isEqualTo("T1");
        assertThat(cdr.getCdrTrunkId()).isEqualTo("T1");
        assertThat(cdr.getAccountId()).isEqualTo("A1"); // from the trunk
        assertThat(cdr.getFreshworksOutbound()).isFalse();
        assertThat(cdr.getStartTime()).isEqualTo(Instant.parse("2026-10-05T14:00:00Z"));
        assertThat(cdr.getAnswerTime()).isEqualTo(Instant.parse("2026-10-05T14:00:05Z"));
        assertThat(cdr.getEndTime()).isEqualTo(Instant.parse("2026-10-05T14:01:06Z"));
        assertThat(cdr.getPeriod()).isEqualTo("2026-10");
        assertThat(cdr.getSipStatus()).isEqualTo(200);
        assertThat(cdr.getCallee()).isEqualTo("+442079460123");
        assertThat(cdr.getContentHash()).hasSize(64);
        assertThat(cdr.getFileId()).isEqualTo(fileRecord("cdrs.csv").getFileId());
    }

    @Test
    void theSameFileAgainRenamedOrCompressedAddsNothingAndSaysSo() throws IOException {
        String content = HEADER + ANSWERED + ANSWERED.replace("c-1,", "c-2,");
        write("run1", "cdrs-a.csv", content);
        importCdrs(tempDir.resolve("run1"));

        write("run2", "renamed.csv", content);
        Path gz = Files.createDirectories(tempDir.resolve("run2")).resolve("zipped.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        JobExecution second = importCdrs(tempDir.resolve("run2"));

        assertThat(db.fetchCount(CDR_FILE)).isEqualTo(1);
        assertThat(db.fetchCount(CDR)).isEqualTo(2);
        assertThat(JobSummary.lines(second)).filteredOn(line -> line.contains("already ingested as cdrs-a.csv on"))
                .hasSize(2).anyMatch(line -> line.startsWith("renamed.csv:"))
                .anyMatch(line -> line.startsWith("zipped.csv.gz:"));
    }

    @Test
    void duplicatesAndConflictsWithinAFileAcrossFilesAndAcrossRuns() throws IOException {
        String conflicting = ANSWERED.replace(",PCMU", ",G729");
        write("run1", "a.csv", HEADER + ANSWERED            // line 2: c-1 accepted
                + ANSWERED.replace(",PCMU", ",  PCMU ")     // line 3: same trimmed content: duplicate
                + conflicting);                             // line 4: DUPLICATE_CONFLICT, the first stays
        write("run1", "b.csv", HEADER + conflicting         // line 2: conflict with a.csv's c-1
                + ANSWERED                                  // line 3: duplicate of a.csv's c-1
                + ANSWERED.replace("c-1,", "c-2,"));        // line 4: new
        importCdrs(tempDir.resolve("run1"));
        write("run2", "c.csv", HEADER + ANSWERED.replace("c-1,", "c-2,") + "\n" + conflicting.replace("c-1,", "c-2,"));
        importCdrs(tempDir.resolve("run2"));

        CdrFileRecord a = fileRecord("a.csv");
        assertThat(List.of(a.getReadCount(), a.getAccepted(), a.getDuplicates(), a.getDuplicateConflict()))
                .containsExactly(3L, 1L, 1L, 1L);
        CdrFileRecord b = fileRecord("b.csv");
        assertThat(List.of(b.getReadCount(), b.getAccepted(), b.getDuplicates(), b.getDuplicateConflict()))
                .containsExactly(3L, 1L, 1L, 1L);
        CdrFileRecord c = fileRecord("c.csv");
        assertThat(List.of(c.getReadCount(), c.getAccepted(), c.getDuplicates(), c.getDuplicateConflict()))
                .containsExactly(2L, 0L, 1L, 1L);
        List.of(a, b, c).forEach(CdrImportJobFunctionalTests::assertReadIsTheSumOfOutcomes);
        assertThat(db.select(CDR.CDR_ID, CDR.CODEC).from(CDR).orderBy(CDR.CDR_ID).fetch()
                .map(r -> r.value1() + ":" + r.value2())).containsExactly("c-1:PCMU", "c-2:PCMU");
        assertThat(rejects("a.csv")).extracting(r -> r.get("line"), r -> r.get("reason"))
                .containsExactly(tuple("4", "DUPLICATE_CONFLICT"));
        assertThat(rejects("c.csv")).extracting(r -> r.get("line"), r -> r.get("reason"))
                .containsExactly(tuple("4", "DUPLICATE_CONFLICT"));
        assertThat(rejects("c.csv").get(0).get("detail"))
                .isEqualTo("cdr_id c-2 was accepted from b.csv line 4 with different content; the first stays");
        assertThat(rejects("a.csv").get(0).get("detail"))
                .isEqualTo("cdr_id c-1 was accepted from a.csv line 2 with different content; the first stays");
    }

    @Test
    void trunkAttributionAtImport() throws IOException {
        String fresh = ",FRESH,NEW_YORK,FRESHWORKS,OUTBOUND,+15125550200,+12125550147,";
        write("in", "cdrs.csv", HEADER
                // Freshworks outbound without trunk id: the oldest existing Freshworks trunk at start_time
                + "f-1,,," + fresh.substring(1) + "2026-10-18T11:59:59Z,,2026-10-18T12:00:30Z,487,,\n"
                + "f-2,,," + fresh.substring(1) + "2026-10-18T12:00:00Z,,2026-10-18T12:00:30Z,487,,\n"
                // inbound Freshworks without trunk id: NO_TRUNK
                + "f-3,,,FRESH,NEW_YORK,FRESHWORKS,INBOUND,,+15125550200,2026-10-05T10:00:00Z,,2026-10-05T10:00:30Z,480,,\n"
                // another source without trunk id: NO_TRUNK
                + "f-4,,,FRESH,NEW_YORK,SBC,OUTBOUND,,+12125550147,2026-10-05T10:00:00Z,,2026-10-05T10:00:30Z,480,,\n"
                // no Freshworks trunk of FRESH in PORTLAND: NO_TRUNK
                + "f-5,,,FRESH,PORTLAND,FRESHWORKS,OUTBOUND,,+12125550147,2026-10-05T10:00:00Z,,2026-10-05T10:00:30Z,480,,\n"
                // Freshworks outbound that carries a trunk id: that trunk
                + "f-6,,FW-NEW,FRESH,NEW_YORK,FRESHWORKS,OUTBOUND,,+12125550147,2026-10-05T10:00:00Z,,2026-10-05T10:00:30Z,480,,\n"
                + "t-1,,T404,A1,NEW_YORK,SBC,OUTBOUND,,+12125550147,2026-10-05T10:00:00Z,,2026-10-05T10:00:30Z,480,,\n"
                + "t-2,,T1,FRESH,NEW_YORK,SBC,OUTBOUND,,+12125550147,2026-10-05T10:00:00Z,,2026-10-05T10:00:30Z,480,,\n");
        importCdrs(tempDir.resolve("in"));

        assertThat(db.select(CDR.CDR_ID, CDR.TRUNK_ID, CDR.CDR_TRUNK_ID, CDR.FRESHWORKS_OUTBOUND, CDR.ACCOUNT_ID)
                .from(CDR).orderBy(CDR.CDR_ID).fetch().map(r -> r.into(Object[].class))).containsExactly(
                new Object[] {"f-1", "FW-OLD", null, true, "FRESH"},
                new Object[] {"f-2", "FW-NEW", null, true, "FRESH"},
                new Object[] {"f-6", "FW-NEW", "FW-NEW", false, "FRESH"});
        CdrFileRecord file = fileRecord("cdrs.csv");
        assertThat(List.of(file.getReadCount(), file.getAccepted(), file.getNoTrunk(), file.getUnknownTrunk(),
                file.getAccountMismatch())).containsExactly(8L, 3L, 3L, 1L, 1L);
        assertReadIsTheSumOfOutcomes(file);
        assertThat(rejects("cdrs.csv")).extracting(r -> r.get("line"), r -> r.get("reason")).containsExactly(
                tuple("4", "NO_TRUNK"), tuple("5", "NO_TRUNK"), tuple("6", "NO_TRUNK"), tuple("8", "UNKNOWN_TRUNK"),
                tuple("9", "ACCOUNT_MISMATCH"));
    }

    @Test
    void aFileWithoutARequiredColumnFailsTheJobNamingFileAndColumnAndNothingIsStored() throws IOException {
        write("in", "a-good.csv", HEADER + ANSWERED);
        write("in", "b-bad.csv", HEADER.replace("callee,", "") + ANSWERED.replace("+442079460123,", ""));

        JobExecution failed = importCdrs(tempDir.resolve("in"), "canonical");

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("b-bad.csv").contains("required column 'callee' is missing"));
        assertThat(db.fetchCount(CDR_FILE)).isZero();
        assertThat(db.fetchCount(CDR)).isZero();

        // fixed and run again: the job restarts and ingests both files
        write("in", "b-bad.csv", HEADER + ANSWERED.replace("c-1,", "c-2,"));
        JobExecution again = importCdrs(tempDir.resolve("in"));
        assertThat(db.fetchCount(CDR_FILE)).isEqualTo(2);
        assertThat(db.fetchCount(CDR)).isEqualTo(2);
        assertThat(again.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
    }

    @Test
    void aFileThatIsNotCsvHalfwayFailsTheJobBeforeAnyFileIsStoredAndAFixedRerunIngestsAll() throws IOException {
        // SPEC §8: a file that is not CSV is refused whole and the job fails without partial effects: the
        // broken record of b.csv comes after 6,000 good ones, and a.csv (first in name order) is not stored either.
        write("in", "a.csv", HEADER + ANSWERED);
        StringBuilder broken = new StringBuilder(HEADER);
        for (int i = 0; i < 6_000; i++) {
            broken.append(ANSWERED.replace("c-1,", "b-" + i + ","));
        }
        broken.append("b-x,\"unterminated,T1\n");
        write("in", "b.csv", broken.toString());

        JobExecution failed = importCdrs(tempDir.resolve("in"), "canonical");

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions()).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("b.csv: is not a valid CSV file"));
        assertThat(db.fetchCount(CDR_FILE)).isZero();
        assertThat(db.fetchCount(CDR)).isZero();
        assertThat(outputDir.resolve("rejects/b.csv.rejects.csv")).doesNotExist();

        // fixed (the broken record removed) and run again: 1 + 6,000 CDRs
        write("in", "b.csv", broken.substring(0, broken.indexOf("b-x,")));
        JobExecution again = importCdrs(tempDir.resolve("in"), "canonical");
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(db.select(CDR_FILE.FILE_NAME).from(CDR_FILE).orderBy(CDR_FILE.FILE_NAME).fetch(CDR_FILE.FILE_NAME))
                .containsExactly("a.csv", "b.csv");
        assertThat(db.fetchCount(CDR)).isEqualTo(6_001);
    }

    @Test
    void theFilesAreCheckedSideBySideButRefusedAndWarnedAboutInFileNameOrder() throws IOException {
        // the check reads the files on several threads; what it reports follows the file name order whatever
        // thread ends first: a large good file first, broken ones after it, a small one with an unknown column
        StringBuilder large = new StringBuilder(HEADER);
        for (int i = 0; i < 20_000; i++) {
            large.append(ANSWERED.replace("c-1,", "a-" + i + ","));
        }
        write("in", "a.csv", large.toString());
        write("in", "b.csv", HEADER + "b-x,\"unterminated,T1\n");
        write("in", "c.csv", HEADER.replace("\n", ",sbc_node\n") + ANSWERED.replace("c-1,", "c-2,").replace("\n", ",x\n"));
        write("in", "d.csv", HEADER + "d-x,\"unterminated,T1\n");

        JobExecution failed = importCdrs(tempDir.resolve("in"), "canonical");

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(JobSummary.lines(failed)).filteredOn(line -> line.startsWith("refused: ") || line.contains("warning"))
                .satisfiesExactly(
                        line -> assertThat(line).isEqualTo("c.csv: warning: unknown column(s) ignored: sbc_node"),
                        line -> assertThat(line).startsWith("refused: b.csv: is not a valid CSV file"),
                        line -> assertThat(line).startsWith("refused: d.csv: is not a valid CSV file"));
        assertThat(failed.getAllFailureExceptions()).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).matches("CDR file\\(s\\) refused, nothing imported: "
                        + "b\\.csv: is not a valid CSV file.*; d\\.csv: is not a valid CSV file.*"));
        assertThat(db.fetchCount(CDR_FILE)).isZero();
    }

    @Test
    void gzipFilesAreRead() throws IOException {
        Path gz = Files.createDirectories(tempDir.resolve("in")).resolve("cdrs.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((HEADER + ANSWERED + ANSWERED.replace("c-1,", "c-2,")).getBytes(StandardCharsets.UTF_8));
        }
        importCdrs(tempDir.resolve("in"));
        assertThat(fileRecord("cdrs.csv.gz").getAccepted()).isEqualTo(2);
    }

    @Test
    void aByteOrderMarkIsToleratedAndAnUnknownColumnWarnedAboutOnce() throws IOException {
        write("in", "cdrs.csv", "\uFEFF" + HEADER.replace("\n", ",sbc_node\n")
                + ANSWERED.replace("\n", ",nyc-sbc-03\n") + ANSWERED.replace("c-1,", "c-2,").replace("\n", ",nyc-sbc-04\n"));
        JobExecution execution = importCdrs(tempDir.resolve("in"));
        assertThat(fileRecord("cdrs.csv").getAccepted()).isEqualTo(2);
        assertThat(JobSummary.lines(execution)).filteredOn(line -> line.contains("unknown column"))
                .containsExactly("cdrs.csv: warning: unknown column(s) ignored: sbc_node");
    }

    @Test
    void columnsInAnyOrderAndOptionalColumnsLeftOut() throws IOException {
        write("in", "cdrs.csv", "END_TIME,Start_Time,answer_time,callee,direction,trunk_id,sip_status,cdr_id\n"
                + "2026-10-05T14:01:06+02:00,2026-10-05T14:00:00+02:00,,+442079460123,OUTBOUND,T1,487,c-7\n");
        importCdrs(tempDir.resolve("in"));
        CdrRecord cdr = db.selectFrom(CDR).fetchSingle();
        assertThat(cdr.getStartTime()).isEqualTo(Instant.parse("2026-10-05T12:00:00Z"));
        assertThat(cdr.getEndTime()).isEqualTo(Instant.parse("2026-10-05T12:01:06Z"));
        assertThat(cdr.getCodec()).isNull();
    }

    @Test
    void asteriskMasterCsvIsMappedOntoCanonicalCdrs() throws IOException {
        write("asterisk", "Master.csv", String.join("\n",
                // answered outbound call, numbers written with the country code and without "+"
                "\"T1\",\"12125550100\",\"14155550199\",\"from-internal\",\"\"\"Front Desk\"\" <2125550100>\","
                        + "\"PJSIP/201-00000012\",\"PJSIP/T1-00000013\",\"Dial\",\"PJSIP/14155550199@T1,60\","
                        + "\"2026-10-05 14:00:00\",\"2026-10-05 14:00:07\",\"2026-10-05 14:03:10\",190,183,"
                        + "\"ANSWERED\",\"DOCUMENTATION\",\"1759672800.18\",\"\"",
                // inbound call from the trunk, unanswered; caller withheld
                "\"T1\",\"anonymous\",\"+12125550100\",\"from-trunk\",\"\"\"Anonymous\"\" <anonymous>\","
                        + "\"PJSIP/T1-00000014\",\"PJSIP/201-00000015\",\"Dial\",\"PJSIP/201,30\","
                        + "\"2026-10-05 15:00:00\",\"\",\"2026-10-05 15:00:30\",30,0,\"NO ANSWER\",\"DOCUMENTATION\","
                        + "\"1759676400.20\",\"\"",
                // busy, through an unknown trunk
                "\"T9\",\"201\",\"004930123456\",\"from-internal\",\"\",\"PJSIP/201-1\",\"\",\"Dial\",\"\","
                        + "\"2026-10-05 16:00:00\",\"\",\"2026-10-05 16:00:03\",3,0,\"BUSY\",\"DOCUMENTATION\","
                        + "\"1759680000.22\",\"\"",
                // an unknown disposition
                "\"T1\",\"201\",\"4930123456\",\"from-internal\",\"\",\"PJSIP/201-1\",\"\",\"Dial\",\"\","
                        + "\"2026-10-05 17:00:00\",\"\",\"2026-10-05 17:00:03\",3,0,\"HUNG\",\"DOCUMENTATION\","
                        + "\"1759683600.24\",\"\"",
                // 16 columns (no uniqueid/userfield): MALFORMED_ROW
                "\"T1\",\"201\",\"4930123456\",\"from-internal\",\"\",\"PJSIP/201-1\",\"\",\"Dial\",\"\","
                        + "\"2026-10-05 18:00:00\",\"\",\"2026-10-05 18:00:03\",3,0,\"BUSY\",\"DOCUMENTATION\"",
                ""));
        JobExecution execution = importCdrs(tempDir.resolve("asterisk"), "asterisk");
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(db.select(CDR.CDR_ID, CDR.CALL_ID, CDR.TRUNK_ID, CDR.ACCOUNT_ID, CDR.SOURCE, CDR.DIRECTION,
                CDR.CALLER, CDR.CALLEE, CDR.START_TIME, CDR.ANSWER_TIME, CDR.END_TIME, CDR.SIP_STATUS,
                CDR.DISCONNECT_REASON, CDR.LINE_NO).from(CDR).orderBy(CDR.LINE_NO).fetch()
                .map(r -> r.into(Object[].class))).containsExactly(
                new Object[] {"1759672800.18", "1759672800.18", "T1", "A1", "ASTERISK", "OUTBOUND", "+12125550100",
                        "+14155550199", Instant.parse("2026-10-05T14:00:00Z"), Instant.parse("2026-10-05T14:00:07Z"),
                        Instant.parse("2026-10-05T14:03:10Z"), 200, "ANSWERED", 1L},
                new Object[] {"1759676400.20", "1759676400.20", "T1", "A1", "ASTERISK", "INBOUND", null,
                        "+12125550100", Instant.parse("2026-10-05T15:00:00Z"), null,
                        Instant.parse("2026-10-05T15:00:30Z"), 480, "NO ANSWER", 2L});
        CdrFileRecord file = fileRecord("Master.csv");
        assertThat(file.getFormat()).isEqualTo("ASTERISK");
        assertThat(List.of(file.getReadCount(), file.getAccepted(), file.getUnknownTrunk(), file.getMalformed()))
                .containsExactly(5L, 2L, 1L, 2L);
        assertThat(rejects("Master.csv")).extracting(r -> r.get("line"), r -> r.get("reason"))
                .containsExactly(tuple("3", "UNKNOWN_TRUNK"), tuple("4", "BAD_ENUM"), tuple("5", "MALFORMED_ROW"));
    }

    @Test
    void freeswitchCdrCsvIsMappedOntoCanonicalCdrs() throws IOException {
        write("freeswitch", "Master.csv", String.join("\n",
                "\"Front Desk\",\"+12125550100\",\"+442079460123\",\"default\",\"2026-10-05 14:00:00\","
                        + "\"2026-10-05 14:00:04\",\"2026-10-05 14:02:04\",\"124\",\"120\",\"NORMAL_CLEARING\","
                        + "\"6f1c2b9e-0c2d-4c55-9d1e-3b1f0f6a7c01\",\"9a8b7c6d-0000-4000-8000-000000000001\",\"T1\","
                        + "\"PCMA\",\"PCMA\"",
                "\"\",\"+447700900123\",\"12125550100\",\"public\",\"2026-10-05 15:00:00\",\"\","
                        + "\"2026-10-05 15:00:09\",\"9\",\"0\",\"ORIGINATOR_CANCEL\","
                        + "\"6f1c2b9e-0c2d-4c55-9d1e-3b1f0f6a7c02\",\"\",\"T1\",\"PCMU\",\"PCMU\"",
                "\"\",\"+447700900123\",\"12125550100\",\"public\",\"2026-10-05 16:00:00\",\"\","
                        + "\"2026-10-05 16:00:09\",\"9\",\"0\",\"ALIEN_INVASION\","
                        + "\"6f1c2b9e-0c2d-4c55-9d1e-3b1f0f6a7c03\",\"\",\"T1\",\"PCMU\",\"PCMU\"",
                ""));
        importCdrs(tempDir.resolve("freeswitch"), "freeswitch");

        assertThat(db.select(CDR.CDR_ID, CDR.TRUNK_ID, CDR.SOURCE, CDR.DIRECTION, CDR.CALLER, CDR.CALLEE,
                CDR.START_TIME, CDR.ANSWER_TIME, CDR.END_TIME, CDR.SIP_STATUS, CDR.DISCONNECT_REASON, CDR.CODEC)
                .from(CDR).orderBy(CDR.LINE_NO).fetch().map(r -> r.into(Object[].class))).containsExactly(
                new Object[] {"6f1c2b9e-0c2d-4c55-9d1e-3b1f0f6a7c01", "T1", "FREESWITCH", "OUTBOUND", "+12125550100",
                        "+442079460123", Instant.parse("2026-10-05T14:00:00Z"), Instant.parse("2026-10-05T14:00:04Z"),
                        Instant.parse("2026-10-05T14:02:04Z"), 200, "NORMAL_CLEARING", "PCMA"},
                new Object[] {"6f1c2b9e-0c2d-4c55-9d1e-3b1f0f6a7c02", "T1", "FREESWITCH", "INBOUND", "+447700900123",
                        "+12125550100", Instant.parse("2026-10-05T15:00:00Z"), null,
                        Instant.parse("2026-10-05T15:00:09Z"), 487, "ORIGINATOR_CANCEL", "PCMU"});
        assertThat(rejects("Master.csv")).extracting(r -> r.get("line"), r -> r.get("reason"))
                .containsExactly(tuple("3", "BAD_ENUM"));
    }

    @Test
    void aCanonicalFileGivenAsAsteriskIsRefusedWhole() throws IOException {
        write("in", "cdrs.csv", HEADER + ANSWERED);
        JobExecution failed = importCdrs(tempDir.resolve("in"), "asterisk");
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("cdrs.csv: is not a asterisk CDR file: its first record has 15 fields, the format has 18"));
        assertThat(db.fetchCount(CDR_FILE)).isZero();
    }

    /**
     * {@code rows} generated CDRs of 2026-10 (seed {@code seed}) in one file under a folder of their own, over the
     * shipped inventory, which replaces the test's own.
     */
    Path generatedOverTheShippedInventory(long seed, int rows, boolean badRows) {
        db.deleteFrom(com.trunkbill.db.jooq.Tables.TRUNK_STATE).execute();
        db.deleteFrom(com.trunkbill.db.jooq.Tables.TRUNK).execute();
        Path inventory = Path.of("sample-cdrs/inventory");
        loadInventory(db, inventory);
        Path dir = tempDir.resolve("generated");
        new CdrGenerator(GeneratorInventory.read(inventory), seed, YearMonth.of(2026, 10), badRows)
                .write(rows, dir, 1_000_000);
        return dir;
    }

    @Test
    void generatedTrafficWithBadRowsImportsWithExactCounts() {
        // 3,250 rows with one bad row in 250 (rows 125, 375, ..., 3125): each of the 13 kinds once
        importCdrs(generatedOverTheShippedInventory(7, 3_250, true));

        CdrFileRecord file = fileRecord("cdrs-2026-10-01.csv");
        assertThat(List.of(file.getReadCount(), file.getAccepted(), file.getDuplicates(), file.getMalformed(),
                file.getUnknownTrunk(), file.getAccountMismatch(), file.getNoTrunk(), file.getDuplicateConflict()))
                .containsExactly(3_250L, 3_237L, 1L, 8L, 1L, 1L, 1L, 1L);
        assertReadIsTheSumOfOutcomes(file);
        assertThat(db.fetchCount(CDR, CDR.FRESHWORKS_OUTBOUND.isTrue())).isPositive();
    }

    @Test
    void theShippedSampleImportsAfterTheShippedInventory() {
        db.deleteFrom(com.trunkbill.db.jooq.Tables.TRUNK_STATE).execute();
        db.deleteFrom(com.trunkbill.db.jooq.Tables.TRUNK).execute();
        // the demo's order: the inventory import job, then the three CDR runs
        JobExecution inventory = launcher.launch("inventoryImportJob", new JobParametersBuilder()
                .addString("dir", Path.of("sample-cdrs/inventory").toAbsolutePath().toString())
                .addString("as-of", "2026-10-01T00:00:00Z").toJobParameters(), RunPolicy.NEW_RUN_EACH_TIME).execution();
        assertThat(inventory.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        JobExecution canonical = importCdrs(Path.of("sample-cdrs").toAbsolutePath());
        JobExecution asterisk = importCdrs(Path.of("sample-cdrs/asterisk").toAbsolutePath(), "asterisk");
        JobExecution freeswitch = importCdrs(Path.of("sample-cdrs/freeswitch").toAbsolutePath(), "freeswitch");

        assertThat(JobSummary.lines(canonical)).contains(SAMPLE_SUMMARY);
        assertThat(JobSummary.lines(asterisk)).contains("pbx1-Master-2026-10.csv: read 20  accepted 19  duplicates 0  rejected 1 "
                + "(BAD_NUMBER 1)");
        assertThat(JobSummary.lines(freeswitch)).contains("fs1-Master-2026-10.csv: read 20  accepted 20  duplicates 0  rejected 0");
        db.selectFrom(CDR_FILE).forEach(CdrImportJobFunctionalTests::assertReadIsTheSumOfOutcomes);
    }

    static final String SAMPLE_SUMMARY = "cdrs-2026-10-01.csv: read 20,000  accepted 19,920  duplicates 6  rejected 74 ("
            + "MALFORMED_ROW 6, MISSING_FIELD 6, FIELD_TOO_LONG 6, BAD_ENUM 6, BAD_INSTANT 7, BAD_NUMBER 6, END_BEFORE_START 7, "
            + "ANSWER_OUTSIDE_CALL 6, UNKNOWN_TRUNK 6, ACCOUNT_MISMATCH 6, NO_TRUNK 6, DUPLICATE_CONFLICT 6)";
}

@OnH2
class CdrImportJobH2FunctionalTests extends CdrImportJobFunctionalTests {
}

@OnPostgres
class CdrImportJobPostgresFunctionalTests extends CdrImportJobFunctionalTests {

    /**
     * The commands after an import plan their queries with statistics of what it stored: without them, `invoice`
     * of a 10M-CDR month right after the import took 33.8 s instead of 14.1 s (docs/performance.md). ANALYZE of a
     * small table reads every row, so the planner's row count is then exact.
     */
    @Test
    void theImportLeavesPlannerStatisticsOfWhatItStored() {
        assertThat(importCdrs(generatedOverTheShippedInventory(11, 1_234, false)).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);

        for (String table : List.of("cdr", "rated_cdr")) {
            long rows = db.fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(table)));
            assertThat(rows).as(table).isPositive();
            assertThat(db.fetchOne("select reltuples::bigint from pg_class where relname = ?", table).get(0, Long.class))
                    .as("the planner's row count of " + table).isEqualTo(rows);
        }
    }
}
