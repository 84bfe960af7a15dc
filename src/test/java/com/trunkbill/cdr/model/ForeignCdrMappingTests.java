package com.trunkbill.cdr.model;

import com.trunkbill.inventory.model.DataCenter;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForeignCdrMappingTests {

    @Test
    void numbersAreNormalisedToE164() {
        assertThat(ForeignCdrMapping.normaliseNumber("+4930123456")).isEqualTo("+4930123456");
        assertThat(ForeignCdrMapping.normaliseNumber("004930123456")).isEqualTo("+4930123456");
        assertThat(ForeignCdrMapping.normaliseNumber("011442079460123")).isEqualTo("+442079460123");
        assertThat(ForeignCdrMapping.normaliseNumber("1 (212) 555-0100")).isEqualTo("+12125550100");
        assertThat(ForeignCdrMapping.normaliseNumber("anonymous")).isEqualTo("anonymous");
        assertThat(ForeignCdrMapping.normaliseNumber(null)).isNull();
    }

    @Test
    void localTimesAreReadInTheConfiguredZoneAndDataCenterAndSourceApplied() {
        // 2026-10-05 16:00:00 in Berlin (CEST, +02:00) is 14:00 UTC
        AsteriskCdrMapping mapping = new AsteriskCdrMapping(new ForeignFormatSettings("userfield",
                List.of("from-pstn"), ZoneId.of("Europe/Berlin"), DataCenter.FRANKFURT, "PBX-BER"));
        CdrRow row = mapping.map(3, new String[] {"", "4930123456", "4930555000", "from-pstn", "", "SIP/a", "SIP/b",
                "Dial", "", "2026-10-05 16:00:00", "2026-10-05 16:00:04", "2026-10-05 16:01:00", "60", "56",
                "ANSWERED", "DOCUMENTATION", "1759672800.1", "TRK-4001"});
        assertThat(row.get(CdrColumn.TRUNK_ID)).isEqualTo("TRK-4001");
        assertThat(row.get(CdrColumn.DIRECTION)).isEqualTo("INBOUND");
        assertThat(row.get(CdrColumn.DATA_CENTER)).isEqualTo("FRANKFURT");
        assertThat(row.get(CdrColumn.SOURCE)).isEqualTo("PBX-BER");
        assertThat(row.get(CdrColumn.START_TIME)).isEqualTo("2026-10-05T14:00:00Z");
        assertThat(row.get(CdrColumn.ANSWER_TIME)).isEqualTo("2026-10-05T14:00:04Z");
        assertThat(row.get(CdrColumn.SIP_STATUS)).isEqualTo("200");
        assertThat(row.lineNo()).isEqualTo(3);
    }

    @Test
    void freeswitchStatusComesFromTheAnswerThenTheHangupCause() {
        FreeswitchCdrMapping mapping = new FreeswitchCdrMapping(new ForeignFormatSettings("accountcode",
                List.of("public"), ZoneId.of("UTC"), null, "FREESWITCH"));
        String[] busy = {"", "+38598111222", "+38514567801", "public", "2026-10-07 08:20:29", "",
                "2026-10-07 08:20:32", "3", "0", "USER_BUSY", "uuid-1", "", "TRK-5001", "PCMA", "PCMA"};
        assertThat(mapping.map(1, busy).get(CdrColumn.SIP_STATUS)).isEqualTo("486");
        String[] answered = busy.clone();
        answered[5] = "2026-10-07 08:20:30";
        answered[9] = "MEDIA_TIMEOUT";
        assertThat(mapping.map(1, answered).get(CdrColumn.SIP_STATUS)).isEqualTo("200");
        String[] unknown = busy.clone();
        unknown[9] = "SOMETHING_ELSE";
        assertThat(mapping.map(1, unknown).mappingReject().reason()).isEqualTo(RejectReason.BAD_ENUM);
        assertThat(mapping.map(1, new String[] {"a", "b"}).wrongWidth()).isTrue();
    }

    @Test
    void anUnknownTrunkColumnIsAConfigurationError() {
        assertThatThrownBy(() -> new FreeswitchCdrMapping(new ForeignFormatSettings("sip_gateway", List.of(),
                ZoneId.of("UTC"), null, "FREESWITCH"))).hasMessageContaining("trunk column 'sip_gateway'");
    }
}
