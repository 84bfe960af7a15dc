package com.trunkbill.cdr;

import com.trunkbill.cdr.model.CdrColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The check before an import reads each row's cdr_id alone ({@link CdrSource#nextCdrId()}). */
class CdrSourceTests {

    @TempDir
    Path dir;

    @Test
    void theCdrIdAloneIsTheCdrIdOfTheWholeRow() throws IOException {
        // cdr_id not the first column; padded, empty, a short row, a row with invalid UTF-8, a quoted line break
        String rest = ",OUTBOUND,+442079460123,2026-10-05T14:00:00Z,,2026-10-05T14:00:00Z,486";
        byte[] text = ("call_id,trunk_id,cdr_id,direction,callee,start_time,answer_time,end_time,sip_status\n"
                + "call-1,T1, c-1 " + rest + "\n"
                + "call-2,T1," + rest + "\n"
                + "call-3,T1\n"
                + "call-4,T\u00ff,c-4" + rest + "\n"
                + "\"call\n5\",T1,c-5" + rest + "\n"
                + "call-6,T1,c-6" + rest + ",extra\n").getBytes(StandardCharsets.ISO_8859_1); // \u00ff: not UTF-8
        Path file = Files.write(dir.resolve("cdrs.csv"), text);

        List<String> whole = new ArrayList<>();
        try (CdrSource source = CdrSource.open(file, CdrFormat.CANONICAL, null)) {
            source.forEachRemaining(row -> whole.add(row.get(CdrColumn.CDR_ID)));
        }
        List<String> alone = new ArrayList<>();
        try (CdrSource source = CdrSource.open(file, CdrFormat.CANONICAL, null)) {
            while (source.hasNext()) {
                alone.add(source.nextCdrId());
            }
        }

        assertThat(whole).isEqualTo(Arrays.asList("c-1", null, null, "c-4", "c-5", "c-6"));
        assertThat(alone).isEqualTo(whole);
    }
}
