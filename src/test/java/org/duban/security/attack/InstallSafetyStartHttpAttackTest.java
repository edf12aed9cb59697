package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duban.DubanApplication;
import org.duban.HttpBrowser;
import org.duban.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 as an operator meets it: the application started as the packaged jar starts (no profile
 * but the database's, no demo switch) on an empty database, on H2 and on PostgreSQL, has no demo
 * and no account with the demo password, even with the switch {@code mvn spring-boot:run} sets; and
 * a database that was a demo, started again with the demo off, lets no demo account in, not even
 * one whose password a visitor changed during the demo. Each application runs in this JVM on its
 * own port and database, started and stopped by the case.
 */
@Attack(AttackCategory.INSTALL)
class InstallSafetyStartHttpAttackTest {

  /** The demo hospital's people (org.duban.demo.DemoHospital), all with the published password. */
  private static final List<String> DEMO_USERS =
      List.of(
          "shuji",
          "yuanzhang",
          "fuyuanzhang",
          "ducha",
          "yiwu",
          "yiwu01",
          "huli",
          "keyan",
          "dangban",
          "renli",
          "xinxi",
          "yaoxue",
          "xinnei",
          "admin");

  private static final String DEMO_PASSWORD = "duban123";

  @TempDir Path folder;

  private static ConfigurableApplicationContext start(String profiles, String... arguments) {
    List<String> args = new ArrayList<>(List.of(arguments));
    if (args.stream().noneMatch(a -> a.startsWith("--server.port="))) {
      args.add("--server.port=0");
    }
    // the tests' own engines are not disturbed by this one's job executor, and its timers wait
    args.add("--camunda.bpm.job-execution.enabled=false");
    // nor by its Camunda webapps: closing them would clear the webapps' static runtime delegates
    // that
    // the other tests' Cockpit in this JVM uses (a 500 from /camunda afterwards)
    args.add("--camunda.bpm.webapp.enabled=false");
    SpringApplicationBuilder builder = new SpringApplicationBuilder(DubanApplication.class);
    if (!profiles.isEmpty()) {
      builder.profiles(profiles.split(","));
    }
    return builder.run(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext app) {
    return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }

  private static List<Map<String, Object>> people(JdbcTemplate jdbc) {
    return jdbc.queryForList("select * from person order by id");
  }

  /** Every demo user with the demo password is refused, and no one's row changes. */
  private static void demoPasswordOpensNothing(ConfigurableApplicationContext app)
      throws Exception {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    List<Map<String, Object>> before = people(jdbc);
    for (String username : DEMO_USERS) {
      assertThat(HttpBrowser.onPort(port(app)).tryLogIn(username, DEMO_PASSWORD))
          .as(username)
          .endsWith("/login?error");
    }
    assertThat(people(jdbc)).isEqualTo(before);
  }

  private static void noDemo(ConfigurableApplicationContext app) throws Exception {
    assertThat(app.getEnvironment().getProperty("duban.demo.enabled")).isEqualTo("false");
    assertThat(app.containsBean("demoClock")).isFalse();
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForList("select username from person", String.class))
        .containsExactly("admin");
    // the robot receiver is not there for anyone
    HttpBrowser anyone = HttpBrowser.onPort(port(app));
    HttpResponse<String> post =
        anyone.send(
            anyone
                .request("/demo/webhooks/wecom")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(post.statusCode()).isEqualTo(404);
  }

  @Test
  void theJarsDefaultsOnAnEmptyH2DatabaseHaveNoDemoAndNoKnownPassword() throws Exception {
    try (ConfigurableApplicationContext app =
        start(
            "",
            "--spring.datasource.url=jdbc:h2:file:"
                + folder.resolve("duban")
                + ";DB_CLOSE_ON_EXIT=FALSE")) {
      noDemo(app);
      DatabaseState before = DatabaseState.ofFreshInstallation(app.getBean(JdbcTemplate.class));
      demoPasswordOpensNothing(app);
      before.assertUnchanged(app.getBean(JdbcTemplate.class));
    }
  }

  @Test
  void onPostgresTheDemoIsOffEvenUnderMavenRun() throws Exception {
    try (ConfigurableApplicationContext app =
        start(
            "postgres",
            "--spring.datasource.url=" + TestPostgres.freshDatabaseUrl(),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            // what the Maven plugin sets for `mvn spring-boot:run`
            "--duban.demo.maven-run=true")) {
      noDemo(app);
      demoPasswordOpensNothing(app);
    }
  }

  @Test
  void aDemoDatabaseStartedWithoutTheDemoLetsNoDemoAccountIn() throws Exception {
    String database =
        "--spring.datasource.url=jdbc:h2:file:"
            + folder.resolve("demo")
            + ";DB_CLOSE_ON_EXIT=FALSE";
    HttpBrowser leftLoggedIn;
    int demoPort;
    // Given a demo whose visitors logged in, one of them changing the admin's password
    try (ConfigurableApplicationContext demo =
        start("test", database, "--duban.demo.enabled=true")) {
      demoPort = port(demo);
      leftLoggedIn = HttpBrowser.onPort(demoPort);
      assertThat(leftLoggedIn.tryLogIn("ducha", DEMO_PASSWORD)).doesNotContain("/login?");
      HttpBrowser visitor = HttpBrowser.onPort(demoPort);
      assertThat(visitor.tryLogIn("admin", DEMO_PASSWORD)).doesNotContain("/login?");
      HttpResponse<String> changed =
          visitor.postForm(
              "/me/password",
              "/me/password",
              "oldPassword="
                  + DEMO_PASSWORD
                  + "&newPassword=Visitor2026x&repeatPassword=Visitor2026x");
      assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/me/password");
    }

    // When the same database starts without the demo (the operator's password for the admin given)
    try (ConfigurableApplicationContext hospital =
        start(
            "test",
            database,
            "--duban.demo.enabled=false",
            "--server.port=" + demoPort,
            "--duban.admin.initial-password=Operator2026x")) {
      JdbcTemplate jdbc = hospital.getBean(JdbcTemplate.class);
      DatabaseState before = DatabaseState.of(jdbc);

      // Then no demo account logs in with the demo password, nor the admin with the visitor's
      demoPasswordOpensNothing(hospital);
      assertThat(HttpBrowser.onPort(port(hospital)).tryLogIn("admin", "Visitor2026x"))
          .endsWith("/login?error");
      // and the session left open in the demo is gone
      HttpResponse<String> tasks = leftLoggedIn.get("/tasks");
      assertThat(tasks.statusCode()).isEqualTo(302);
      assertThat(tasks.headers().firstValue("Location").orElseThrow()).contains("/login");
      before.assertUnchanged(jdbc);

      // while the hospital is not locked out: its admin has the operator's password
      assertThat(HttpBrowser.onPort(port(hospital)).tryLogIn("admin", "Operator2026x"))
          .doesNotContain("/login?");
    }

    // And with the demo on again, its accounts open again with the demo password
    try (ConfigurableApplicationContext demoAgain =
        start("test", database, "--duban.demo.enabled=true")) {
      assertThat(HttpBrowser.onPort(port(demoAgain)).tryLogIn("yiwu", DEMO_PASSWORD))
          .doesNotContain("/login?");
    }
  }
}
