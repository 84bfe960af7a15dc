package com.trunkbill.report.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationRowTests {

    @Test
    void rejectedSumsEveryReasonAndTheIdentityChecksEveryRow() {
        // 10 read = 5 rated + (1 + 1 + 0 + 0 + 0 + 2) rejected + 1 duplicate
        ReconciliationRow row = new ReconciliationRow("a.csv", 10, 5, 1, 2, 1, 1, 0, 0, 0, 2, 0);
        assertThat(row.rejected()).isEqualTo(4);
        assertThat(row.identityHolds()).isTrue();
        // one accepted CDR not yet rated: 10 != 4 + 4 + 1
        assertThat(new ReconciliationRow("b.csv", 10, 4, 1, 0, 1, 1, 0, 0, 0, 2, 1).identityHolds()).isFalse();
    }

    @Test
    void totalSumsEveryColumn() {
        ReconciliationRow total = ReconciliationRow.total(List.of(
                new ReconciliationRow("a.csv", 10, 5, 1, 2, 1, 1, 0, 0, 0, 2, 0),
                new ReconciliationRow("b.csv", 12, 9, 0, 0, 0, 0, 1, 1, 1, 0, 0)));
        assertThat(total).isEqualTo(new ReconciliationRow("TOTAL", 22, 14, 1, 2, 1, 1, 1, 1, 1, 2, 0));
        assertThat(total.rejected()).isEqualTo(7);
    }
}
