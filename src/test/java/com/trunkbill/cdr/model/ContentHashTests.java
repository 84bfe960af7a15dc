package com.trunkbill.cdr.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTests {

    /** Stored with every CDR: the hash of a row must never change. */
    @Test
    void hashesAreThoseAlreadyStored() {
        ContentHash hash = new ContentHash();
        assertThat(hash.of(new String[] {"3681c5a8-a033-4be3-903d-44b6840687f3",
                "7c60e79db1540350@sbc-frankfurt.trunkbill.net", "TRK-5001", null, "FRANKFURT", "SBC", "INBOUND",
                "+33176575305", "+38514567805", "2026-10-01T00:00:00.303Z", "2026-10-01T00:00:12.162Z",
                "2026-10-01T00:02:29.171Z", "200", "NORMAL_CLEARING", "PCMA"}))
                .isEqualTo("9a3beab4ef9e00289fa7a454754ca8bcdeef99c9c0578ff785aeeddb35903622");
        // non-ASCII, a surrogate pair, a lone high surrogate and the reader's invalid-UTF-8 mark (a lone low one)
        assertThat(hash.of(new String[] {"caf\u00e9", "\uD83D\uDE00", "\uD83D", "x\uDFFF", null}))
                .isEqualTo("ad33711b5f19359191d6111f0d5334d0e707fa21afb608308f97fd305d70f2d1");
    }

    /** Over 100,000 random rows, one hasher reused: SHA-256 of the joined text's {@code getBytes(UTF_8)}, in hex. */
    @Test
    void aReusedHasherHashesEveryRowAsTheDefinitionDoes() throws NoSuchAlgorithmException {
        Random random = new Random(20261208);
        char[] alphabet = "aZ09+-:.@ \u00e9\u00ff\u0100\u6771\uD83D\uDE00\uDFFF\u001F".toCharArray();
        ContentHash hash = new ContentHash();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int row = 0; row < 100_000; row++) {
            String[] values = new String[1 + random.nextInt(15)];
            for (int i = 0; i < values.length; i++) {
                if (random.nextInt(5) > 0) {
                    // now and then a value longer than the buffers start with
                    int length = random.nextInt(100) == 0 ? 400 + random.nextInt(2_000) : random.nextInt(40);
                    StringBuilder value = new StringBuilder();
                    for (int c = 0; c < length; c++) {
                        value.append(random.nextInt(3) == 0 ? alphabet[random.nextInt(alphabet.length)]
                                : (char) (' ' + random.nextInt(95)));
                    }
                    values[i] = value.toString();
                }
            }
            StringBuilder text = new StringBuilder();
            for (String value : values) {
                text.append(value == null ? "" : value).append('\u001F');
            }
            String expected = HexFormat.of().formatHex(
                    sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
            assertThat(hash.of(values)).isEqualTo(expected);
        }
    }
}
