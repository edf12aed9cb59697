package org.duban.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.duban.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14's "done when", as a hospital installs Duban: the packaged jar, started with {@code java
 * -jar} in an empty folder on the postgres profile with nothing said about the demo or the models,
 * on an empty database, deploys the models packaged in it, has no demo and refuses {@code
 * admin}/{@code duban123}; its one account is the first administrator, with the random password it
 * printed once in the log. A second node, started in another empty folder after an admin's upload
 * (a row of {@code model_file}), deploys the upload in place of its packaged file: no shared file
 * system.
 */
class FreshInstallationIT {

  private static final Pattern FIRST_ADMIN =
      Pattern.compile("first administrator 'admin' with password '([^']+)'");

  @TempDir Path firstFolder;
  @TempDir Path secondFolder;

  /** A node as an operator starts it: only the database given, in a folder of its own. */
  private static AppProcess installed(FaultPostgres db, String name, Path folder) {
    return db.node(name)
        .in(folder)
        .withoutEnv("DUBAN_DEMO")
        .withoutEnv("DUBAN_ADMIN_PASSWORD")
        .withoutEnv("DUBAN_PROCESSES_DIR")
        .withoutEnv("DUBAN_FORMS_DIR")
        .withoutEnv("DUBAN_MODELS_DIR");
  }

  private static String tryLogIn(String baseUrl, String username, String password)
      throws Exception {
    HttpBrowser browser = new HttpBrowser(baseUrl);
    HttpResponse<String> login =
        browser.postForm(
            "/login",
            Map.of("username", username, "password", password),
            HttpBrowser.csrfOf(browser.get("/login").body()));
    assertThat(login.statusCode()).isEqualTo(302);
    return login.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void
      theJarInAnEmptyFolderDeploysItsModelsHasNoDemoRefusesTheDemoPasswordAndTheNextNodeRunsAnUpload()
          throws Exception {
    try (FaultPostgres db = FaultPostgres.start()) {
      JdbcTemplate jdbc = db.jdbc();

      try (AppProcess first = installed(db, "fresh-first", firstFolder)) {
        first.start();
        String log = first.logSinceLastStart();

        // the packaged models, deployed from inside the jar
        assertThat(log).contains("Starting set of models: classpath:models/processes/");
        assertThat(jdbc.queryForList("select name_ from act_re_deployment", String.class))
            .contains(
                "duban:department-work.bpmn",
                "duban:weekly-supervision.bpmn",
                "duban:item-light.dmn",
                "duban:escalation.bpmn",
                "duban:task-book-issuance.bpmn");
        assertThat(
                jdbc.queryForObject(
                    "select count(*) from act_re_procdef where key_ = 'departmentWork'",
                    Long.class))
            .isEqualTo(1L);
        try (Stream<Path> files = Files.list(firstFolder)) {
          assertThat(files.map(p -> p.getFileName().toString()))
              .doesNotContain("processes", "forms");
        }

        // no demo, no known password
        assertThat(log).doesNotContain("Demo hospital seeded", "Demo log-ins");
        for (String username : new String[] {"admin", "yiwu", "ducha", "shuji"}) {
          assertThat(tryLogIn(first.baseUrl(), username, "duban123"))
              .as(username)
              .endsWith("/login?error");
        }
        assertThat(jdbc.queryForList("select username from person", String.class))
            .containsExactly("admin");
        Matcher printed = FIRST_ADMIN.matcher(log);
        assertThat(printed.find()).as("the first administrator's password in the log").isTrue();
        HttpBrowser admin = new HttpBrowser(first.baseUrl()).logIn("admin", printed.group(1));
        assertThat(admin.get("/demo/clock").statusCode()).isEqualTo(404);
        assertThat(admin.get("/demo/outbox").statusCode()).isEqualTo(404);
      }

      // an admin's upload, as ModelUpload stores it
      String itemLight =
          new String(
              FreshInstallationIT.class
                  .getClassLoader()
                  .getResourceAsStream("processes/item-light.dmn")
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      String uploaded = itemLight.replace("\"两次及以上未按时填报月度进展\"", "\"两次及以上未按时填报月度进展（上传）\"");
      assertThat(uploaded).isNotEqualTo(itemLight);
      jdbc.update(
          "insert into model_file (resource, content, origin, stored_by, stored_at) values (?, ?, ?, ?, ?)",
          "processes/item-light.dmn",
          uploaded.getBytes(StandardCharsets.UTF_8),
          "upload",
          "admin",
          Timestamp.valueOf(LocalDateTime.now()));

      try (AppProcess second = installed(db, "fresh-second", secondFolder)) {
        second.start();
        assertThat(
                jdbc.queryForObject(
                    "select max(version_) from act_re_decision_def where key_ = 'itemLight'",
                    Integer.class))
            .isEqualTo(2);
        byte[] latest =
            jdbc.queryForObject(
                "select r.bytes_ from act_ge_bytearray r join act_re_decision_def d on d.deployment_id_ = r.deployment_id_"
                    + " where d.key_ = 'itemLight' and d.version_ = 2 and r.name_ = 'processes/item-light.dmn'",
                byte[].class);
        assertThat(new String(latest, StandardCharsets.UTF_8)).contains("（上传）");
        // and nothing else got a new version
        assertThat(
                jdbc.queryForObject(
                    "select count(*) from act_re_procdef where key_ = 'departmentWork'",
                    Long.class))
            .isEqualTo(1L);
      }
    }
  }
}
