package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SPEC §3.1, §9: a trunk's service address (PPU) is immutable once the trunk is first seen. The import refuses
 * such rows; this trigger makes the database refuse them too, whoever writes: an UPDATE of
 * {@code trunk.service_address_id} to a different value (IS DISTINCT FROM: clearing and setting included)
 * fails. A Java migration because the trigger body differs per database: a PL/pgSQL function on PostgreSQL,
 * a Java trigger class ({@code com.trunkbill.inventory.TrunkAddressGuardTrigger}) on H2. jOOQ code generation
 * reads only the SQL migrations; a trigger adds no table or column, so nothing is lost.
 */
public class V3__GuardTrunkServiceAddress extends BaseJavaMigration {

    static final String H2_TRIGGER_CLASS = "com.trunkbill.inventory.TrunkAddressGuardTrigger";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName();
        try (Statement statement = connection.createStatement()) {
            switch (product) {
                case "PostgreSQL" -> {
                    statement.execute("""
                            CREATE FUNCTION trunk_service_address_guard() RETURNS trigger AS $$
                            BEGIN
                                IF NEW.service_address_id IS DISTINCT FROM OLD.service_address_id THEN
                                    RAISE EXCEPTION 'trunk %: service_address_id is immutable (% -> %)',
                                        OLD.trunk_id, COALESCE(OLD.service_address_id, '(none)'),
                                        COALESCE(NEW.service_address_id, '(none)')
                                        USING ERRCODE = 'integrity_constraint_violation';
                                END IF;
                                RETURN NEW;
                            END
                            $$ LANGUAGE plpgsql""");
                    statement.execute("CREATE TRIGGER trunk_service_address_guard BEFORE UPDATE ON trunk"
                            + " FOR EACH ROW EXECUTE FUNCTION trunk_service_address_guard()");
                }
                case "H2" -> statement.execute("CREATE TRIGGER TRUNK_SERVICE_ADDRESS_GUARD BEFORE UPDATE ON TRUNK"
                        + " FOR EACH ROW CALL '" + H2_TRIGGER_CLASS + "'");
                default -> throw new IllegalStateException("V3: unsupported database " + product
                        + " (trunkbill runs on H2 and PostgreSQL)");
            }
        }
    }
}
