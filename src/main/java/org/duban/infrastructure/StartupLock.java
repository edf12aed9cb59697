package org.duban.infrastructure;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes sharing one PostgreSQL start one at a time. Start-up writes shared state that is checked
 * first and written after: the engine's schema (created when missing), the first administrator, the
 * demo hospital, the engine's grants, the model deployments. Two nodes doing that at once on an
 * empty database would both find nothing and both write, and one would fail on a unique key. So a
 * node takes a PostgreSQL advisory lock before Flyway and the engine touch the database and keeps
 * it until it is ready (or stops); a second node waits there and then finds everything in place.
 * The lock belongs to one connection: a node killed while starting loses it with its connection. On
 * H2 (one node only) there is nothing to do.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

  /** "duban_st" in ASCII: the advisory lock key, shared by every Duban node. */
  static final long KEY = 0x647562616e5f7374L;

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  private final DataSource dataSource;
  private Connection holder;
  private boolean done;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Takes the lock once, waiting for a node that is starting; later calls do nothing. */
  synchronized void acquire() {
    if (done) {
      return;
    }
    done = true;
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        if (!first(statement, "select pg_try_advisory_lock(" + KEY + ")")) {
          log.info("Another Duban node is starting on this database; waiting until it is ready");
          long begun = System.nanoTime();
          statement.execute("select pg_advisory_lock(" + KEY + ")");
          log.info("Start-up lock taken after {} s", (System.nanoTime() - begun) / 1_000_000_000);
        }
      }
      holder = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the start-up lock on the database", e);
    }
  }

  private static boolean first(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getBoolean(1);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  public synchronized void release() {
    if (holder == null) {
      return;
    }
    Connection connection = holder;
    holder = null;
    try (Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      log.warn("Releasing the start-up lock: {}", e.getMessage());
    } finally {
      retire(connection);
    }
  }

  /**
   * The lock is the connection's: a pooled connection that went back to the pool still holding it
   * would keep every other node waiting, so the connection is closed for good, not returned.
   */
  private void retire(Connection connection) {
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
      } else {
        connection.close();
      }
    } catch (SQLException e) {
      log.warn("Closing the start-up lock's connection: {}", e.getMessage());
    }
  }

  /** The engine checks and creates its schema when it is built: the lock must be held by then. */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  @Override
  public void destroy() {
    release();
  }

  /** Flyway migrates first of all: take the lock before it. */
  @Configuration
  static class BeforeFlyway {

    @Bean
    FlywayMigrationStrategy lockedMigration(StartupLock lock) {
      return flyway -> {
        lock.acquire();
        flyway.migrate();
      };
    }
  }
}
