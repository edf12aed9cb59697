package org.duban.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.duban.TestPostgres;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The benchmarks' database: a database on the tests' embedded PostgreSQL behind a Hikari pool, as
 * in production.
 */
@TestConfiguration
class BenchmarkPostgres {

  @Bean(destroyMethod = "close")
  DataSource dataSource() {
    HikariConfig config = new HikariConfig();
    config.setDataSource(TestPostgres.freshDatabase());
    config.setMaximumPoolSize(20);
    return new HikariDataSource(config);
  }
}
