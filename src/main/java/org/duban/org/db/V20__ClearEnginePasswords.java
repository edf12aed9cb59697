package org.duban.org.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Clears the passwords Duban once copied into Camunda's user table (ACT_ID_USER.PWD_ and SALT_):
 * people log in with the BCrypt hash in {@code person} only, and Cockpit signs on through Duban, so
 * the engine's salted SHA-512 copies were only something to crack for anyone who reads the
 * database. At start, EnginePasswordsAtStart gives each cleared user the hash of a secret nobody
 * has (the engine's own check fails with an error on a user without any).
 *
 * <p>Java, not SQL, because the engine creates its own tables: on a fresh database Flyway may run
 * before ACT_ID_USER exists (then there is nothing to clear, and Duban writes no password there any
 * more); on one that ran before, it exists. A Spring bean, as Spring Boot hands JavaMigration beans
 * to Flyway; it needs nothing that needs the schema.
 */
@Component
public class V20__ClearEnginePasswords extends BaseJavaMigration {

  static final String TABLE = "ACT_ID_USER";

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    String table = engineUserTable(connection);
    if (table == null) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "update "
              + table
              + " set PWD_ = null, SALT_ = null"
              + " where PWD_ is not null or SALT_ is not null");
    }
  }

  /** The table's name as this database spells it (H2 upper case, PostgreSQL lower), or null. */
  static String engineUserTable(Connection connection) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    String schema = connection.getSchema();
    for (String name : new String[] {TABLE, TABLE.toLowerCase()}) {
      try (ResultSet tables =
          metadata.getTables(connection.getCatalog(), schema, name, new String[] {"TABLE"})) {
        if (tables.next()) {
          return tables.getString("TABLE_NAME");
        }
      }
    }
    return null;
  }
}
