package org.duban.security.attack;

import java.nio.charset.StandardCharsets;
import org.duban.RunningAppTest;
import org.duban.WebTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Base of the attack suite's MockMvc cases: the one cached application (see {@link
 * RunningAppTest}), the test hospital, requests as one of its people, and the database's state
 * before and after.
 */
abstract class AttackTestSupport extends WebTestSupport {

  /** Payloads that would run if a page put them out unescaped. */
  static final String SCRIPT = "<script>alert(1)</script>";

  static final String IMG = "\"><img src=x onerror=alert(1)>";
  static final String SVG = "'><svg onload=alert(1)>";

  @Autowired protected JdbcTemplate jdbc;

  protected DatabaseState databaseState() {
    return DatabaseState.of(jdbc);
  }

  protected void assertNothingChangedSince(DatabaseState before) {
    before.assertUnchanged(jdbc);
  }

  /** The page's HTML as the browser gets it. */
  protected String page(RequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
