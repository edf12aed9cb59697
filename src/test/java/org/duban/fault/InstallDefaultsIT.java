package org.duban.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.HttpBrowser;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's "done when": the packaged jar started on the postgres profile with nothing said about
 * the demo, on an empty database, has no demo and refuses {@code admin}/{@code duban123}; its one
 * account is the first administrator, with the random password it printed once in the log.
 */
class InstallDefaultsIT {

  private static final Pattern FIRST_ADMIN = Pattern.compile("first administrator 'admin' with password '([^']+)'");

  private static String tryLogIn(String baseUrl, String username, String password) throws Exception {
    HttpBrowser browser = new HttpBrowser(baseUrl);
    HttpResponse<String> login = browser.postForm("/login", Map.of("username", username, "password", password),
        HttpBrowser.csrfOf(browser.get("/login").body()));
    assertThat(login.statusCode()).isEqualTo(302);
    return login.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void theJarOnPostgresWithDefaultsHasNoDemoAndRefusesTheDemoPassword() throws Exception {
    try (FaultPostgres db = FaultPostgres.start();
        AppProcess app = db.node("install-defaults").withoutEnv("DUBAN_DEMO").withoutEnv("DUBAN_ADMIN_PASSWORD")) {
      app.start();
      String log = app.logSinceLastStart();
      assertThat(log).doesNotContain("Demo hospital seeded", "Demo log-ins");

      for (String username : new String[] {"admin", "yiwu", "ducha", "shuji"}) {
        assertThat(tryLogIn(app.baseUrl(), username, "duban123")).as(username).endsWith("/login?error");
      }
      assertThat(db.jdbc().queryForList("select username from person", String.class)).containsExactly("admin");

      Matcher printed = FIRST_ADMIN.matcher(log);
      assertThat(printed.find()).as("the first administrator's password in the log").isTrue();
      HttpBrowser admin = new HttpBrowser(app.baseUrl()).logIn("admin", printed.group(1));
      assertThat(admin.get("/demo/clock").statusCode()).isEqualTo(404);
      assertThat(admin.get("/demo/outbox").statusCode()).isEqualTo(404);
    }
  }
}
