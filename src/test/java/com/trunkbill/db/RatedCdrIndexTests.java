package com.trunkbill.db;

import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V59 and V62: the rated usage of a period is served on PostgreSQL by a block range index on
 * {@code rated_cdr.period}, and read by a scan of the table on H2, which has no block range index; on neither is
 * there a B-tree beside the primary key for a rating to update (docs/architecture.md#indexes-on-the-big-tables).
 */
public abstract class RatedCdrIndexTests extends DatabaseTest {

    abstract List<String> indexesOfRatedCdr();

    abstract List<String> expectedIndexes();

    @Test
    void ratedCdrHasOnlyItsKeyAndThePeriodIndexOfThisDatabaseIfAny() {
        assertThat(indexesOfRatedCdr()).containsExactlyInAnyOrderElementsOf(expectedIndexes());
    }
}

@OnH2
class RatedCdrIndexH2Tests extends RatedCdrIndexTests {

    @Override
    List<String> indexesOfRatedCdr() {
        return db.fetch("select index_name from information_schema.indexes where table_name = 'RATED_CDR'"
                + " and index_type_name <> 'PRIMARY KEY'").getValues(0, String.class).stream()
                .map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    List<String> expectedIndexes() {
        return List.of();
    }
}

@OnPostgres
class RatedCdrIndexPostgresTests extends RatedCdrIndexTests {

    @Override
    List<String> indexesOfRatedCdr() {
        return db.fetch("select indexname || ' ' || split_part(split_part(indexdef, ' USING ', 2), ' ', 1)"
                + " from pg_indexes where tablename = 'rated_cdr' and indexname <> 'rated_cdr_pk'")
                .getValues(0, String.class);
    }

    @Override
    List<String> expectedIndexes() {
        return List.of("rated_cdr_period_brin brin");
    }
}
