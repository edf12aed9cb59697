package org.duban.notification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inserts guarded by a unique key inside the caller's transaction. A duplicate key must not spoil
 * the caller's work (PostgreSQL aborts the whole transaction after a failed statement), so the
 * statements run behind a JDBC savepoint and a duplicate rolls back to it only.
 */
@Component
class Savepoints {

  private final DataSource dataSource;

  Savepoints(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs the statements; false (and nothing written) when one of them hit a unique key. */
  boolean once(Runnable statements) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("insert-once needs a transaction");
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      Savepoint savepoint = connection.setSavepoint();
      try {
        statements.run();
      } catch (DuplicateKeyException duplicate) {
        connection.rollback(savepoint);
        return false;
      }
      connection.releaseSavepoint(savepoint);
      return true;
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("savepoint failed", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }
}
