package com.trunkbill.cdr;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.db.jooq.tables.records.CdrFileRecord;
import com.trunkbill.testsupport.CanonicalCdrs;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.trunkbill.db.jooq.Tables.ACCOUNT;
import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.CDR_FILE;
import static com.trunkbill.db.jooq.Tables.RATE;
import static com.trunkbill.testsupport.InventoryFixtures.aTrunk;
import static com.trunkbill.testsupport.InventoryFixtures.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strict UTF-8 (issue 12, finding 5): invalid bytes are never rewritten into U+FFFD. A CDR row holding them (or
 * a NUL) is rejected {@code BAD_ENCODING} on its own line, counted as malformed, and the file goes on; an
 * inventory or rate-table file holding them is refused whole, naming the line.
 */
public abstract class StrictUtf8FunctionalTests extends DatabaseTest {

    static final String HEADER = CanonicalCdrs.HEADER;
    static final String REST = ",call,T1,A1,NEW_YORK,SBC,OUTBOUND,+12125550100,+442079460123,"
            + "2026-10-05T14:00:00Z,,2026-10-05T14:00:10Z,486,,PCMU\n";

    @Autowired
    JobLaunchService launcher;

    @BeforeEach
    void inventory() {
        anAccount("A1").insert(db);
        aTrunk("T1").account("A1").dataCenter("NEW_YORK").createdAt("2026-01-01T00:00:00Z").channels(10).insert(db);
    }

    JobExecution launch(String job, Path dir) {
        return launcher.launch(job, new JobParametersBuilder().addString("dir", dir.toString())
                .addString("as-of", "2026-10-01T00:00:00Z").toJobParameters(), RunPolicy.NEW_RUN_EACH_TIME)
                .execution();
    }

    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] chunk = part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    @Test
    void aCdrRowWithInvalidBytesIsRejectedOnItsLineAndTheFileGoesOn() throws IOException {
        Path inbox = Files.createDirectories(tempDir.resolve("inbox"));
        // Latin-1 "café-1" and "cafü-1": with lenient decoding both became "caf\uFFFD-1", the second a conflict
        Files.write(inbox.resolve("cdrs.csv"), bytes(HEADER,
                "c-1", REST,                                                      // line 2
                "caf", new byte[] {(byte) 0xE9}, "-1", REST,                      // line 3
                "caf", new byte[] {(byte) 0xFC}, "-1", REST,                      // line 4
                "c-2,\"multi\nline\",T1,A1,NEW_YORK,SBC,OUTBOUND,+12125550100,+442079460123,"
                        + "2026-10-05T14:00:00Z,,2026-10-05T14:00:10Z,486,,PCMU\n",   // lines 5-6
                "c-3,call,T1,A1,NEW_YORK,SBC,OUTBOUND,+12125550100,+442079460123,2026-10-05T14:00:00Z,,"
                        + "2026-10-05T14:00:10Z,486,,\"PC", new byte[] {(byte) 0xC3}, "\"\n", // line 7, bad in field 15
                "c-4\0,call,T1,A1,NEW_YORK,SBC,OUTBOUND,+12125550100,+442079460123,2026-10-05T14:00:00Z,,"
                        + "2026-10-05T14:00:10Z,486,,PCMU\n",                          // line 8, NUL
                "c-\uD83D\uDE00-5", REST));                                       // line 9, valid 4-byte UTF-8

        JobExecution execution = launch("cdrImportJob", inbox);

        assertThat(execution.getStatus()).as(JobSummary.lines(execution).toString()).isEqualTo(BatchStatus.COMPLETED);
        CdrFileRecord file = db.selectFrom(CDR_FILE).fetchSingle();
        assertThat(file.getReadCount()).isEqualTo(7);
        assertThat(file.getAccepted()).isEqualTo(3);
        assertThat(file.getMalformed()).isEqualTo(4);
        assertThat(file.getDuplicateConflict()).isZero();
        assertThat(db.select(CDR.CDR_ID).from(CDR).orderBy(CDR.LINE_NO).fetch(CDR.CDR_ID))
                .containsExactly("c-1", "c-2", "c-\uD83D\uDE00-5");
        List<String> rejects = Files.readAllLines(outputDir.resolve("rejects/cdrs.csv.rejects.csv"));
        assertThat(rejects.subList(1, rejects.size())).extracting(line -> line.split(",")[0] + "," + line.split(",")[1])
                .containsExactly("3,BAD_ENCODING", "4,BAD_ENCODING", "7,BAD_ENCODING", "8,BAD_ENCODING");
        assertThat(rejects.get(1)).contains("line 3: invalid UTF-8 in field 1").contains("caf\uFFFD-1");
        assertThat(rejects.get(3)).contains("line 7: invalid UTF-8 in field 15");
        assertThat(rejects.get(4)).contains("line 8: a NUL character in field 1");
        assertThat(JobSummary.lines(execution)).anySatisfy(line -> assertThat(line).contains("BAD_ENCODING 4"));
    }

    @Test
    void anInventoryFileWithInvalidBytesIsRefusedWholeNamingTheLine() throws IOException {
        Path dir = Files.createDirectories(tempDir.resolve("inventory"));
        Files.write(dir.resolve("accounts.csv"), bytes("account_id,name,currency,country,price_list,vat_id\n",
                "A2,Fine,USD,US,STANDARD,\n",
                "A3,Caf", new byte[] {(byte) 0xE9}, " M", new byte[] {(byte) 0xFC}, "ller GmbH,EUR,DE,STANDARD,\n"));

        JobExecution execution = launch("inventoryImportJob", dir);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions().get(0).getMessage())
                .contains("accounts.csv: line 3: invalid UTF-8 in field 2");
        assertThat(db.select(ACCOUNT.ACCOUNT_ID).from(ACCOUNT).fetch(ACCOUNT.ACCOUNT_ID)).containsExactly("A1");
    }

    @Test
    void aRateFileWithInvalidBytesOrANulIsRefusedWholeNamingTheLine() throws IOException {
        Path dir = Files.createDirectories(tempDir.resolve("rates"));
        String header = "price_list,direction,prefix,destination,rate_per_minute,currency,first_increment_s,"
                + "next_increment_s,connect_fee,effective_from,effective_to\n";
        Files.write(dir.resolve("rates.csv"), bytes(header,
                "STANDARD,OUTBOUND,44,UK,0.0120,USD,60,60,0,2026-01-01,\n",
                "STANDARD,OUTBOUND,49,Deutschland ", new byte[] {(byte) 0xFF}, ",0.0120,USD,60,60,0,2026-01-01,\n"));

        JobExecution execution = launch("rateTableImportJob", dir);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(JobSummary.lines(execution)).anySatisfy(line -> assertThat(line)
                .contains("rates.csv: REFUSED: line 3: invalid UTF-8 in field 4"));
        assertThat(db.fetchCount(RATE)).isZero();

        Files.write(dir.resolve("rates.csv"), bytes(header, "STANDARD,OUTBOUND,44,UK\0,0.0120,USD,60,60,0,2026-01-01,\n"));
        JobExecution nul = launch("rateTableImportJob", dir);
        assertThat(nul.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(JobSummary.lines(nul)).anySatisfy(line -> assertThat(line)
                .contains("rates.csv: REFUSED: line 2: a NUL character in field 4"));
    }
}

@OnH2
class StrictUtf8H2FunctionalTests extends StrictUtf8FunctionalTests {
}

@OnPostgres
class StrictUtf8PostgresFunctionalTests extends StrictUtf8FunctionalTests {
}
