package com.trunkbill.inventory;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Objects;

/**
 * The H2 side of migration V3: refuses an UPDATE that changes {@code trunk.service_address_id} (SPEC §9: the
 * service address of a trunk is immutable). PostgreSQL runs the same rule as a PL/pgSQL trigger.
 */
public class TrunkAddressGuardTrigger implements Trigger {

    private int trunkIdIndex = -1;
    private int addressIndex = -1;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName,
                     boolean before, int type) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (columns.next()) {
                String column = columns.getString("COLUMN_NAME");
                int index = columns.getInt("ORDINAL_POSITION") - 1;
                if (column.equalsIgnoreCase("TRUNK_ID")) {
                    trunkIdIndex = index;
                } else if (column.equalsIgnoreCase("SERVICE_ADDRESS_ID")) {
                    addressIndex = index;
                }
            }
        }
        if (trunkIdIndex < 0 || addressIndex < 0) {
            throw new SQLException(triggerName + ": table " + tableName
                    + " has no TRUNK_ID / SERVICE_ADDRESS_ID column");
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow == null || newRow == null) {
            return;
        }
        Object before = oldRow[addressIndex];
        Object after = newRow[addressIndex];
        if (!Objects.equals(before, after)) {
            throw new SQLIntegrityConstraintViolationException("trunk " + oldRow[trunkIdIndex]
                    + ": service_address_id is immutable (" + text(before) + " -> " + text(after) + ")", "23000");
        }
    }

    private static String text(Object value) {
        return value == null ? "(none)" : value.toString();
    }
}
