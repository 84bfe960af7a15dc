package com.trunkbill.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.ByteConverter;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresNumericTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "0.00", "-0.0000000000", "0E-10", "1", "-1", "10000", "9999", "0.0001", "0.00001",
            "0.0123456789", "1.5000", "-0.0500000000", "12345678.9", "999999999999999", "-999999999999999",
            "0.000000000000001", "99999999999.9999", "10000000000000.0"})
    void writesTheBytesPgjdbcWrites(String decimal) {
        BigDecimal value = new BigDecimal(decimal);
        assertThat(written(value)).as(decimal).containsExactly(ByteConverter.numeric(value));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1E+3", "1234567890123456", "0.1234567890123456", "-98765432109876543210.5"})
    void leavesOtherDecimalsToPgjdbc(String decimal) {
        assertThat(PostgresNumeric.write(new BigDecimal(decimal), new byte[PostgresNumeric.MAX_BYTES], 0))
                .isEqualTo(-1);
    }

    @Test
    void writesTheBytesPgjdbcWritesForRandomDecimals() {
        Random random = new Random(20261207);
        int written = 0;
        for (int i = 0; i < 500_000; i++) {
            long unscaled = random.nextLong() >> random.nextInt(64);
            if (random.nextInt(4) == 0) {
                unscaled = unscaled / 10_000 * 10_000; // trailing zero groups
            }
            BigDecimal value = BigDecimal.valueOf(unscaled, random.nextInt(16));
            byte[] bytes = written(value);
            if (bytes != null) {
                written++;
                assertThat(bytes).as(value.toPlainString()).containsExactly(ByteConverter.numeric(value));
            }
        }
        assertThat(written).as("decimals written").isGreaterThan(300_000);
    }

    /** What {@link PostgresNumeric#write} wrote, at an offset into a larger buffer; null when it left the value. */
    private static byte[] written(BigDecimal value) {
        byte[] buffer = new byte[3 + PostgresNumeric.MAX_BYTES];
        int length = PostgresNumeric.write(value, buffer, 3);
        return length < 0 ? null : Arrays.copyOfRange(buffer, 3, 3 + length);
    }
}
