package com.trunkbill.db;

import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V60: {@code cdr} has no index on {@code cdr_id} (the import checks cdr_ids in memory, {@code cdr.KnownCdrIds}),
 * only its two indexes in arrival order (docs/architecture.md#indexes-on-the-big-tables); V61: the one on
 * {@code cdr_key} is its primary key, named {@code cdr_pk} (on H2 the constraint's name, its index's is generated).
 */
public abstract class CdrIndexTests extends DatabaseTest {

    /** Every index of {@code cdr} with its columns, as "name(column, ...)" in lower case. */
    abstract List<String> indexesOfCdr();

    @Test
    void cdrHasOnlyItsIndexesInArrivalOrder() {
        assertThat(indexesOfCdr()).containsExactlyInAnyOrder("cdr_pk(cdr_key)",
                "cdr_period_key_idx(period, cdr_key)");
    }
}

@OnH2
class CdrIndexH2Tests extends CdrIndexTests {

    @Override
    List<String> indexesOfCdr() {
        return db.fetch("select coalesce(max(k.constraint_name), i.index_name) || '(' || listagg(c.column_name,"
                        + " ', ') within group (order by c.ordinal_position) || ')' from information_schema.indexes i"
                        + " join information_schema.index_columns c on c.index_schema = i.index_schema"
                        + " and c.index_name = i.index_name left join information_schema.table_constraints k"
                        + " on k.index_schema = i.index_schema and k.index_name = i.index_name"
                        + " and k.constraint_type = 'PRIMARY KEY' where i.table_name = 'CDR' group by i.index_name")
                .getValues(0, String.class).stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }
}

@OnPostgres
class CdrIndexPostgresTests extends CdrIndexTests {

    @Override
    List<String> indexesOfCdr() {
        return db.fetch("select indexname || substring(indexdef from '\\(.*\\)$') from pg_indexes"
                + " where tablename = 'cdr'").getValues(0, String.class);
    }
}
