package org.duban;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The tests' embedded PostgreSQL, set up in one place: one server per test JVM, started when a test
 * first asks for it and stopped when the JVM ends, and a new empty database on it for each user (a
 * migration test, the PostgreSQL context of {@link PostgresAppTest}, an application a test starts).
 * A server start costs seconds; a database on a running one, milliseconds.
 */
public final class TestPostgres {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** A new, empty database of its own on the shared server. */
  public static DataSource freshDatabase() {
    return server().getDatabase("postgres", createDatabase());
  }

  /** The JDBC URL of a new, empty database of its own (user and password {@code postgres}). */
  public static String freshDatabaseUrl() {
    return server().getJdbcUrl("postgres", createDatabase());
  }

  private static String createDatabase() {
    String name = "test" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return name;
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres started = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        started.close();
                      } catch (IOException e) {
                        // the JVM ends anyway; the server's folder is a temporary one
                      }
                    }));
        server = started;
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }
    return server;
  }

  /**
   * The application's data source: a fresh database on the shared server behind a Hikari pool, as
   * in production (see {@link PostgresAppTest}); without the pool every transaction opens a
   * connection.
   */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Database {

    @Bean(destroyMethod = "close")
    DataSource dataSource() {
      HikariConfig pool = new HikariConfig();
      pool.setDataSource(freshDatabase());
      return new HikariDataSource(pool);
    }
  }
}
