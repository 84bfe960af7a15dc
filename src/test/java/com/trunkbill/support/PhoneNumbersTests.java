package com.trunkbill.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

    @Test
    void masksAllButTheLastFourDigits() {
        assertThat(PhoneNumbers.mask("+14155550123")).isEqualTo("+*******0123");
        assertThat(PhoneNumbers.mask("123")).isEqualTo("123");
        assertThat(PhoneNumbers.mask(null)).isNull();
    }
}
