package com.trunkbill.db;

import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link BulkRowWriter} writes is what the database stores, on each database's path (PostgreSQL's
 * binary {@code COPY}, H2's batches): text with quotes, separators and non-Latin characters, empty text against
 * NULL, decimals, numbers given as another width than the column's, and instants at every precision, stored to the
 * microsecond with half a microsecond rounded up, before and after PostgreSQL's epoch (2000-01-01).
 */
public abstract class BulkRowWriterTests extends DatabaseTest {

    private static final Table<?> TABLE = DSL.table(DSL.name("bulk_row_writer_test"));
    private static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR(64));
    private static final Field<BigDecimal> AMOUNT = DSL.field(DSL.name("amount"), SQLDataType.DECIMAL(20, 10));
    private static final Field<OffsetDateTime> AT = DSL.field(DSL.name("at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6));

    @BeforeEach
    void createTable() {
        db.createTable(TABLE).columns(ID, NAME, AMOUNT, AT).execute();
    }

    @AfterEach
    void dropTable() {
        db.dropTable(TABLE).execute();
    }

    @Test
    void storesTextDecimalsAndInstantsAsGiven() {
        db.connection(connection -> {
            try (BulkRowWriter writer = BulkRowWriter.open(connection, TABLE, List.of(ID, NAME, AMOUNT, AT))) {
                writer.number(1L).text("TRK-1006").decimal(new BigDecimal("0.0123456789"))
                        .instant(Instant.parse("2026-10-01T08:30:00Z")).endRow();
                writer.number(2L).text("say \"hi\", then\nleave \\ now").decimal(new BigDecimal("-12.5"))
                        .instant(Instant.parse("2026-10-31T23:59:59.250Z")).endRow();
                writer.number(3L).text("").nullValue().instant(Instant.parse("1969-12-31T23:59:59.000001Z")).endRow();
                writer.number(4L).nullValue().decimal(BigDecimal.ZERO)
                        .instant(Instant.parse("2026-10-01T00:00:00.123456789Z")).endRow();
                writer.number(5L).text("Zürich, 東京").decimal(new BigDecimal("1E+3")).nullValue().endRow();
                writer.add(6L, "half a microsecond", new BigDecimal("123456789.0000000001"),
                        Instant.parse("2026-10-01T00:00:00.0000005Z"));
                writer.add(7, null, 42, Instant.parse("1999-12-31T23:59:59.9999995Z"));
            }
        });

        List<String> rows = db.select(ID, NAME, AMOUNT, AT).from(TABLE).orderBy(ID).fetch(row -> row.value1() + "|"
                + row.value2() + "|" + (row.value3() == null ? null : row.value3().stripTrailingZeros().toPlainString())
                + "|" + (row.value4() == null ? null : row.value4().toInstant()));
        assertThat(rows).containsExactly(
                "1|TRK-1006|0.0123456789|2026-10-01T08:30:00Z",
                "2|say \"hi\", then\nleave \\ now|-12.5|2026-10-31T23:59:59.250Z",
                "3||null|1969-12-31T23:59:59.000001Z",
                "4|null|0|2026-10-01T00:00:00.123457Z",
                "5|Zürich, 東京|1000|null",
                "6|half a microsecond|123456789.0000000001|2026-10-01T00:00:00.000001Z",
                "7|null|42|2000-01-01T00:00:00Z");
    }
}

@OnH2
class BulkRowWriterH2Tests extends BulkRowWriterTests {
}

@OnPostgres
class BulkRowWriterPostgresTests extends BulkRowWriterTests {
}
