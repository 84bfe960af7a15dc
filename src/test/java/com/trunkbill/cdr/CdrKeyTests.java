package com.trunkbill.cdr;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CdrKeyTests {

    @Test
    void keysGrowInTheOrderCdrsArrive() {
        long lastLineOfFirstFile = CdrImportRepository.cdrKey(1, 4_294_967_295L);
        long firstLineOfSecondFile = CdrImportRepository.cdrKey(2, 2);

        assertThat(CdrImportRepository.cdrKey(1, 2)).isEqualTo(4_294_967_298L);
        assertThat(CdrImportRepository.cdrKey(1, 3)).isGreaterThan(CdrImportRepository.cdrKey(1, 2));
        assertThat(firstLineOfSecondFile).isEqualTo(8_589_934_594L).isGreaterThan(lastLineOfFirstFile);
    }

    @Test
    void aLineNumberBeyondTheKeysRangeIsRefused() {
        assertThatThrownBy(() -> CdrImportRepository.cdrKey(7, 4_294_967_296L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 4294967296 of file 7: a file has at most 4294967295 lines");
    }
}
