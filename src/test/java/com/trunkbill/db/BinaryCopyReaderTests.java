package com.trunkbill.db;

import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link BinaryCopyReader} reads back what PostgreSQL sends for each type it has an accessor for. */
@OnPostgres
class BinaryCopyReaderTests extends DatabaseTest {

    private static final String ROWS = """
            select * from (values
                (1, 'TRK-1', timestamptz '2026-10-01 00:00:00.000001+00', true),
                -- before PostgreSQL's epoch (2000-01-01): negative microseconds
                (2, 'Zürich "A", 東京', timestamptz '1999-12-31 23:59:59.5+00', false),
                (3, null, null, false)
            ) as t(n, name, at, flag) order by n""";

    @Test
    void readsEveryRowAndValueAndEndsTheCopy() {
        List<String> rows = new ArrayList<>();
        db.connection(connection -> {
            assertThat(BinaryCopyReader.supports(connection)).isTrue();
            try (BinaryCopyReader reader = BinaryCopyReader.open(connection, ROWS, 4)) {
                while (reader.next()) {
                    rows.add(reader.int4(0) + "|" + reader.text(1) + "|" + reader.instant(2) + "|" + reader.bool(3)
                            + "|" + reader.isNull(1));
                }
                assertThat(reader.rowsRead()).isEqualTo(3);
                assertThat(reader.next()).isFalse();
            }
            // the copy is over: the connection takes the next statement
            assertThat(db.fetchValue("select 42")).isEqualTo(42);
        });

        assertThat(rows).containsExactly(
                "1|TRK-1|2026-10-01T00:00:00.000001Z|true|false",
                "2|Zürich \"A\", 東京|1999-12-31T23:59:59.500Z|false|false",
                "3|null|null|false|true");
    }

    @Test
    void readsValuesLongerThanItsBufferAndManyRows() {
        db.connection(connection -> {
            String query = "select n, repeat(chr(65 + n % 26), 1000 * n) from generate_series(1, 150) as n order by n";
            try (BinaryCopyReader reader = BinaryCopyReader.open(connection, query, 2)) {
                for (int n = 1; n <= 150; n++) {
                    assertThat(reader.next()).isTrue();
                    assertThat(reader.int4(0)).isEqualTo(n);
                    assertThat(reader.text(1)).hasSize(1000 * n).startsWith(String.valueOf((char) (65 + n % 26)));
                }
                assertThat(reader.next()).isFalse();
            }
        });
    }

    @Test
    void aValueReadWithTheWrongAccessorFailsAndNamesTheColumn() {
        db.connection(connection -> {
            try (BinaryCopyReader reader = BinaryCopyReader.open(connection, ROWS, 4)) {
                assertThat(reader.next()).isTrue();
                assertThatThrownBy(() -> reader.int4(1))
                        .hasMessage("column 2 of row 1 has 5 bytes, expected 4 bytes");
            }
        });
    }
}

@OnH2
class BinaryCopyReaderH2Tests extends DatabaseTest {

    @Test
    void anotherDatabaseIsNotSupported() {
        db.connection(connection -> assertThat(BinaryCopyReader.supports(connection)).isFalse());
    }
}
