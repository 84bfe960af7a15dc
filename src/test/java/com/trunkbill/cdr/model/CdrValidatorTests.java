package com.trunkbill.cdr.model;

import com.trunkbill.inventory.model.DataCenter;
import com.trunkbill.ratetable.model.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static com.trunkbill.cdr.model.CdrRows.aRow;
import static org.assertj.core.api.Assertions.assertThat;

class CdrValidatorTests {

    private final CdrValidator validator = new CdrValidator();

    private RejectReason reasonOf(CdrRows row) {
        CdrValidator.Result result = validator.validate(row.build());
        assertThat(result.isValid()).as("expected a rejection").isFalse();
        return result.rejection().reason();
    }

    @Test
    void acceptsAValidRowWithEveryValue() {
        Cdr cdr = aRow().valid();
        assertThat(cdr.cdrId()).isEqualTo("cdr-1");
        assertThat(cdr.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(cdr.dataCenter()).isEqualTo(DataCenter.NEW_YORK);
        assertThat(cdr.startTime()).isEqualTo(Instant.parse("2026-10-05T14:00:00Z"));
        assertThat(cdr.answerTime()).isEqualTo(Instant.parse("2026-10-05T14:00:05Z"));
        assertThat(cdr.endTime()).isEqualTo(Instant.parse("2026-10-05T14:01:06Z"));
        assertThat(cdr.sipStatus()).isEqualTo(200);
        assertThat(cdr.lineNo()).isEqualTo(7);
        assertThat(cdr.contentHash()).hasSize(64);
    }

    @Test
    void optionalValuesMayBeEmpty() {
        Cdr cdr = aRow().with("call_id", "").with("caller", "").with("answer_time", "").with("sip_status", "486")
                .with("disconnect_reason", "").with("codec", "").with("source", "").with("account_id", "").valid();
        assertThat(cdr.answerTime()).isNull();
        assertThat(cdr.caller()).isNull();
        assertThat(cdr.accountId()).isNull();
    }

    @ParameterizedTest(name = "{0} = ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            cdr_id            |                                   | MISSING_FIELD
            direction         |                                   | MISSING_FIELD
            callee            |                                   | MISSING_FIELD
            start_time        |                                   | MISSING_FIELD
            end_time          |                                   | MISSING_FIELD
            sip_status        |                                   | MISSING_FIELD
            cdr_id            | 12345678901234567890123456789012345678901234567890123456789012345 | FIELD_TOO_LONG
            codec             | PCMU-PCMU-PCMU-PCMU-PCMU-PCMU-PCM  | FIELD_TOO_LONG
            source            | 123456789012345678901234567890123 | FIELD_TOO_LONG
            direction         | OUTGOING                          | BAD_ENUM
            data_center       | LONDON                            | BAD_ENUM
            start_time        | 2026-10-05 14:00:00               | BAD_INSTANT
            start_time        | 2026-10-05T14:00:00               | BAD_INSTANT
            answer_time       | 2026-10-05T25:00:05Z              | BAD_INSTANT
            end_time          | 1696514466                        | BAD_INSTANT
            callee            | 442079460123                      | BAD_NUMBER
            callee            | +4420794                          | BAD_NUMBER
            callee            | +4420794601234567                 | BAD_NUMBER
            caller            | anonymous                         | BAD_NUMBER
            sip_status        | 99                                | BAD_NUMBER
            sip_status        | 700                               | BAD_NUMBER
            sip_status        | OK                                | BAD_NUMBER
            end_time          | 2026-10-05T13:59:59.999Z          | END_BEFORE_START
            answer_time       | 2026-10-05T13:59:59Z              | ANSWER_OUTSIDE_CALL
            answer_time       | 2026-10-05T14:01:06.001Z          | ANSWER_OUTSIDE_CALL
            """)
    void rejectsWithTheReason(String column, String value, RejectReason expected) {
        assertThat(reasonOf(aRow().with(column, value == null ? "" : value))).isEqualTo(expected);
    }

    @Test
    void cdrIdOfExactly64CharactersIsAccepted() {
        aRow().with("cdr_id", "x".repeat(64)).valid();
    }

    @Test
    void answerAtStartOrAtEndIsInsideTheCall() {
        aRow().with("answer_time", "2026-10-05T14:00:00Z").valid();
        aRow().with("answer_time", "2026-10-05T14:01:06Z").valid();
        aRow().with("end_time", "2026-10-05T14:00:00Z").with("answer_time", "").valid();
    }

    @Test
    void freshworksOutboundWithoutTrunkIdNeedsTheAccountAndDataCenter() {
        CdrRows freshworks = aRow().with("trunk_id", "").with("source", "FRESHWORKS").with("direction", "OUTBOUND");
        assertThat(reasonOf(freshworks.with("account_id", ""))).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(reasonOf(aRow().with("trunk_id", "").with("source", "freshworks").with("data_center", "")))
                .isEqualTo(RejectReason.MISSING_FIELD);
        aRow().with("trunk_id", "").with("source", "FRESHWORKS").valid();
    }

    @Test
    void otherTrafficWithoutTrunkIdIsValidHereAndLeftToAttribution() {
        // SPEC §9: an empty trunk_id whose source is not FRESHWORKS is NO_TRUNK (TrunkAttribution), not
        // MISSING_FIELD, even when account_id and data_center are empty too.
        Cdr sbc = aRow().with("trunk_id", "").with("source", "SBC").with("account_id", "").with("data_center", "")
                .valid();
        assertThat(sbc.trunkId()).isNull();
        assertThat(sbc.accountId()).isNull();
        Cdr inbound = aRow().with("trunk_id", "").with("source", "FRESHWORKS").with("direction", "INBOUND")
                .with("account_id", "").with("data_center", "").valid();
        assertThat(inbound.direction()).isEqualTo(Direction.INBOUND);
    }

    @Test
    void enumsAreCaseInsensitive() {
        Cdr cdr = aRow().with("direction", "inbound").with("data_center", "sao_polo").valid();
        assertThat(cdr.direction()).isEqualTo(Direction.INBOUND);
        assertThat(cdr.dataCenter()).isEqualTo(DataCenter.SAO_POLO);
    }

    @Test
    void wrongWidthIsMalformedRowBeforeAnythingElse() {
        CdrRow row = aRow().with("start_time", "garbage").build();
        CdrRow narrow = new CdrRow(row.lineNo(), row.values(), new String[] {"a", "b"}, true, null);
        assertThat(validator.validate(narrow).rejection().reason()).isEqualTo(RejectReason.MALFORMED_ROW);
    }

    @Test
    void firstFailingCheckWins() {
        // too long and bad instant: lengths are checked before instants
        assertThat(reasonOf(aRow().with("cdr_id", "y".repeat(65)).with("start_time", "nope")))
                .isEqualTo(RejectReason.FIELD_TOO_LONG);
        // bad instant and bad number: instants first
        assertThat(reasonOf(aRow().with("callee", "123").with("end_time", "nope"))).isEqualTo(RejectReason.BAD_INSTANT);
    }

    @Test
    void contentHashDependsOnTrimmedValuesOnly() {
        String plain = aRow().valid().contentHash();
        assertThat(aRow().with("codec", "  PCMU ").valid().contentHash()).isEqualTo(plain);
        assertThat(aRow().with("codec", "PCMA").valid().contentHash()).isNotEqualTo(plain);
        // an empty value is not the same as a value moved to the next column
        assertThat(aRow().with("disconnect_reason", "").with("codec", "NORMAL_CLEARINGPCMU").valid().contentHash())
                .isNotEqualTo(plain);
    }
}
