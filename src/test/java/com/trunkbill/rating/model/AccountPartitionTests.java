package com.trunkbill.rating.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountPartitionTests {

    @Test
    void anAccountHashesToOneStablePartition() {
        // CRC-32 of "ACC-US-ACME" (UTF-8) % 3 = 0, "ACC-US-FRESH" % 3 = 1: the same in every process and release
        int index = AccountPartition.indexOf("ACC-US-ACME", 3);
        assertThat(index).isZero();
        assertThat(AccountPartition.indexOf("ACC-US-FRESH", 3)).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            assertThat(new AccountPartition(i, 3).contains("ACC-US-ACME")).isEqualTo(i == index);
        }
    }

    @Test
    void onePartitionHoldsEveryAccount() {
        assertThat(AccountPartition.WHOLE.isWhole()).isTrue();
        assertThat(AccountPartition.WHOLE.contains("ACC-ANY")).isTrue();
        assertThat(AccountPartition.indexOf("ACC-ANY", 1)).isZero();
    }

    @Test
    void aPartitionOutsideTheCountDoesNotExist() {
        assertThatThrownBy(() -> new AccountPartition(3, 3)).hasMessage("partition 3 of 3 does not exist");
        assertThatThrownBy(() -> new AccountPartition(0, 0)).hasMessage("partition 0 of 0 does not exist");
    }
}
