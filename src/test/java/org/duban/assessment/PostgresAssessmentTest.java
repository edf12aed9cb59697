package org.duban.assessment;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link AssessmentFactsTest} on PostgreSQL: migration V15, the facts' SQL, the decision and the weighted
 * scores there as on H2.
 */
class PostgresAssessmentTest extends AssessmentFactsTest {

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
