package org.duban.task;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/** {@link InboxRightsScenario} on a real PostgreSQL, the production database: the inbox's rule is SQL. */
@SpringBootTest
@ActiveProfiles("test")
class PostgresInboxRightsTest extends InboxRightsScenario {

  @TestConfiguration
  static class RealPostgres {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
      return EmbeddedPostgres.builder().start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
      return postgres.getPostgresDatabase();
    }
  }
}
