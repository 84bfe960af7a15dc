package com.trunkbill.support;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillingPeriodTests {

    @Test
    void octoberHas31DaysAndUtcBounds() {
        BillingPeriod october = BillingPeriod.parse("2026-10");
        assertThat(october.days()).isEqualTo(31);
        assertThat(october.start()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(october.end()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(october.lastDay()).isEqualTo(LocalDate.parse("2026-10-31"));
        assertThat(october.compact()).isEqualTo("202610");
        assertThat(october.previous()).hasToString("2026-09");
    }

    @Test
    void anInstantBelongsToItsUtcMonth() {
        assertThat(BillingPeriod.of(Instant.parse("2026-10-31T23:59:59.999Z"))).hasToString("2026-10");
        assertThat(BillingPeriod.of(Instant.parse("2026-11-01T00:00:00Z"))).hasToString("2026-11");
    }

    @Test
    void refusesOtherFormats() {
        assertThatThrownBy(() -> BillingPeriod.parse("2026-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BillingPeriod.parse("2026-13")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BillingPeriod.parse("10/2026")).isInstanceOf(IllegalArgumentException.class);
    }
}
