package com.trunkbill.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CdrKeyTests {

    @Test
    void keysGrowInTheOrderCdrsArrive() {
        long lastLineOfFirstFile = CdrKey.of(1, 4_294_967_295L);
        long firstLineOfSecondFile = CdrKey.of(2, 2);

        assertThat(CdrKey.of(1, 2)).isEqualTo(4_294_967_298L);
        assertThat(CdrKey.of(1, 3)).isGreaterThan(CdrKey.of(1, 2));
        assertThat(firstLineOfSecondFile).isEqualTo(8_589_934_594L).isGreaterThan(lastLineOfFirstFile);
    }

    @Test
    void aKeyTellsItsFile() {
        assertThat(CdrKey.fileId(CdrKey.of(1, 4_294_967_295L))).isEqualTo(1);
        assertThat(CdrKey.fileId(CdrKey.of(2, 2))).isEqualTo(2);
        assertThat(CdrKey.fileId(CdrKey.of(123_456, 0))).isEqualTo(123_456);
    }

    @Test
    void aLineNumberBeyondTheKeysRangeIsRefused() {
        assertThatThrownBy(() -> CdrKey.of(7, 4_294_967_296L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 4294967296 of file 7: a file has at most 4294967295 lines");
    }
}
