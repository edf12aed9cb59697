package org.duban.light;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises "run now" across threads and nodes: the caller's transaction locks the one row of
 * {@code supervision_sweep_guard} until it commits, so whoever comes second looks for a running
 * sweep only after the first one's sweep is committed, and sees it. An in-memory flag would not see
 * another node's sweep, nor the timer's.
 */
@Component
class SweepStartGuard {

  private final JdbcTemplate jdbc;

  SweepStartGuard(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void lock() {
    jdbc.queryForObject(
        "select id from supervision_sweep_guard where id = 1 for update", Integer.class);
  }
}
