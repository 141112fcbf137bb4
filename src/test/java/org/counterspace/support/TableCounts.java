package org.counterspace.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** Rows per table of one schema, to compare a restored database with the one it was backed up from. */
public final class TableCounts {

    private TableCounts() {
    }

    public static Map<String, Long> of(Connection connection, String schema) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (ResultSet tables = connection.getMetaData().getTables(null, schema, "%", new String[] { "TABLE", "BASE TABLE" })) {
            while (tables.next()) {
                counts.put(tables.getString("TABLE_NAME"), null);
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : counts.keySet()) {
                try (ResultSet count = statement.executeQuery("select count(*) from " + schema + ".\"" + table + "\"")) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }
}
