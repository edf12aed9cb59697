package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.duban.HttpBrowser;
import org.duban.TestHospital;
import org.duban.security.LoginLockouts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14's HTTP holes over real HTTP, as a browser and a foreign page meet them: the REST API
 * never challenges for Basic and takes no write without the script header (what a cached password
 * and a cross-site form would use); the metrics token reads monitoring and nothing else and locks
 * nobody out; the pages' policy keeps forms and the base address at home; the log-in page prints no
 * caller text.
 */
class HttpHardeningHttpAttackTest extends AttackTestSupport {

  /** The token of the test profile (application-test.yml). */
  private static final String METRICS_TOKEN = "test-metrics-token-0123456789abcdef0123456789";

  private static final String FOREIGN_ORIGIN = "https://evil.example";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired LoginLockouts lockouts;

  // ---- the REST API ----

  @Test
  @Attack(AttackCategory.REST_RIGHTS)
  void theRestApiNeverAsksABrowserForBasicCredentials() throws Exception {
    DatabaseState before = databaseState();
    HttpBrowser browser = HttpBrowser.onPort(port);
    HttpResponse<String> anonymous =
        browser.send(browser.request("/engine-rest/task").header("Accept", "text/html").GET());
    HttpResponse<String> wrong =
        browser.send(
            HttpBrowser.basicJson(browser.request("/engine-rest/task"), "tmedhead", "wrong-guess")
                .GET());
    HttpResponse<String> anonymousWrite =
        browser.send(
            browser
                .request("/engine-rest/deployment/create")
                .POST(HttpRequest.BodyPublishers.noBody()));
    for (HttpResponse<String> response : java.util.List.of(anonymous, wrong, anonymousWrite)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().allValues("WWW-Authenticate"))
          .noneMatch(v -> v.toLowerCase().startsWith("basic"));
    }
    assertNothingChangedSince(before);
    lockouts.unlock("tmedhead");
  }

  @Test
  @Attack(AttackCategory.CSRF)
  void aForeignPagesFormCarryingTheAdminsCachedCredentialsWritesNothing() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    DatabaseState before = databaseState();
    HttpBrowser browser = HttpBrowser.onPort(port);

    // the three bodies an HTML form can send, each with the credentials a browser had cached
    String boundary = "foreignFormBoundary";
    String multipart =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nforeign\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"foreign.bpmn\"\r\n\r\n"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
            + " targetNamespace=\"x\"><process id=\"foreign\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
            + "<startEvent id=\"s\"/></process></definitions>\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> deploy =
        browser.send(
            foreign(browser, "/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8)));
    HttpResponse<String> createUser =
        browser.send(
            foreign(browser, "/engine-rest/user/create")
                .header("Content-Type", "text/plain")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"profile\":{\"id\":\"foreigner\"},\"credentials\":{\"password\":\"Foreign-12345\"}}")));
    HttpResponse<String> addToAdmins =
        browser.send(
            foreign(browser, "/engine-rest/group/camunda-admin/members/tmedhead")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(
                    "PUT",
                    HttpRequest.BodyPublishers.ofString(
                        "x=" + URLEncoder.encode("1", StandardCharsets.UTF_8))));

    for (HttpResponse<String> response : java.util.List.of(deploy, createUser, addToAdmins)) {
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).contains("X-Requested-By");
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(identityService.createUserQuery().userId("foreigner").count()).isZero();
    assertNothingChangedSince(before);
  }

  /**
   * A request as a foreign page's form makes it: from its origin, with the admin's cached Basic
   * credentials.
   */
  private static HttpRequest.Builder foreign(HttpBrowser browser, String path) {
    return HttpBrowser.basicJson(browser.request(path), "tadmin", TestHospital.PASSWORD)
        .header("Origin", FOREIGN_ORIGIN)
        .header("Referer", FOREIGN_ORIGIN + "/prize.html");
  }

  // ---- monitoring without admin rights ----

  @Test
  @Attack(AttackCategory.REST_RIGHTS)
  void theMetricsTokenReadsMonitoringAndNothingElse() throws Exception {
    DatabaseState before = databaseState();
    HttpBrowser scraper = HttpBrowser.onPort(port);

    HttpResponse<String> scrape =
        scraper.send(bearer(scraper, "/actuator/prometheus", METRICS_TOKEN).GET());
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).contains("jvm_memory_used_bytes").contains("duban_engine_jobs_due");
    assertThat(scrape.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    assertThat(
            scraper
                .send(bearer(scraper, "/actuator/metrics/jvm.memory.used", METRICS_TOKEN).GET())
                .statusCode())
        .isEqualTo(200);
    assertThat(scraper.send(bearer(scraper, "/actuator/health", METRICS_TOKEN).GET()).body())
        .contains("\"db\":{\"status\":\"UP\"");

    // and with it no other endpoint, no REST call, no page
    assertThat(scraper.send(bearer(scraper, "/actuator/info", METRICS_TOKEN).GET()).statusCode())
        .isEqualTo(403);
    assertThat(scraper.send(bearer(scraper, "/actuator", METRICS_TOKEN).GET()).statusCode())
        .isEqualTo(403);
    assertThat(scraper.send(bearer(scraper, "/engine-rest/task", METRICS_TOKEN).GET()).statusCode())
        .isEqualTo(401);
    assertThat(
            scraper
                .send(
                    bearer(scraper, "/engine-rest/deployment/create", METRICS_TOKEN)
                        .header("X-Requested-By", "duban")
                        .POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(401);
    HttpResponse<String> page = scraper.send(bearer(scraper, "/admin/people", METRICS_TOKEN).GET());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    assertNothingChangedSince(before);
  }

  @Test
  @Attack(AttackCategory.LOCK_OUT)
  void guessingTheMetricsTokenLocksNobodyOutAndALockedAdminDoesNotStopTheScrape() throws Exception {
    HttpBrowser guesser = HttpBrowser.onPort(port);
    long lockoutRows = jdbc.queryForObject("select count(*) from login_lockout", Long.class);
    DatabaseState before = databaseState();
    for (int i = 1; i <= 12; i++) {
      HttpResponse<String> guess =
          guesser.send(
              bearer(guesser, "/actuator/prometheus", "guess-" + i + "-0123456789abcdef0123456789")
                  .GET());
      assertThat(guess.statusCode()).isEqualTo(401);
      assertThat(guess.body()).doesNotContain("jvm_");
    }
    // no name was counted, the admin logs in
    assertThat(jdbc.queryForObject("select count(*) from login_lockout", Long.class))
        .isEqualTo(lockoutRows);
    assertThat(lockouts.isLocked("tadmin")).isFalse();
    assertNothingChangedSince(before);
    assertThat(HttpBrowser.onPort(port).tryLogIn("tadmin", TestHospital.PASSWORD))
        .doesNotContain("/login?");

    // and when someone has locked the admin by guessing their password, monitoring goes on
    try {
      for (int i = 1; i <= 5; i++) {
        HttpBrowser.onPort(port).tryLogIn("tadmin", "wrong-" + i);
      }
      assertThat(lockouts.isLocked("tadmin")).isTrue();
      assertThat(
              guesser
                  .send(bearer(guesser, "/actuator/prometheus", METRICS_TOKEN).GET())
                  .statusCode())
          .isEqualTo(200);
    } finally {
      lockouts.unlock("tadmin");
    }
  }

  private static HttpRequest.Builder bearer(HttpBrowser browser, String path, String token) {
    return browser.request(path).header("Authorization", "Bearer " + token);
  }

  // ---- the pages ----

  @Test
  @Attack(AttackCategory.HEADERS)
  void formsPostAndRelativeAddressesResolveOnlyToDubanItself() throws Exception {
    HttpResponse<String> login = HttpBrowser.onPort(port).get("/login");
    HttpResponse<String> signedIn = HttpBrowser.onPort(port).logIn("tmedhead").get("/tasks");
    for (HttpResponse<String> page : java.util.List.of(login, signedIn)) {
      String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(policy).contains("form-action 'self'").contains("base-uri 'self'");
    }
  }

  @Test
  @Attack(AttackCategory.ODD_INPUT)
  void theLogInPagePrintsOnlyANumberOfMinutesFromItsAddress() throws Exception {
    HttpBrowser browser = HttpBrowser.onPort(port);
    DatabaseState before = databaseState();
    String script =
        browser.get("/login?locked=" + URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8)).body();
    String words =
        browser
            .get(
                "/login?locked="
                    + URLEncoder.encode("999 分钟后再试。请拨打 400-000-0000 重置密码", StandardCharsets.UTF_8))
            .body();
    String letters = browser.get("/login?locked=abc").body();
    for (String page : java.util.List.of(script, words, letters)) {
      assertThat(page)
          .doesNotContain("账户已锁定")
          .doesNotContain("alert(1)")
          .doesNotContain("400-000-0000")
          .doesNotContain("请 abc");
    }
    assertThat(browser.get("/login?locked=15").body()).contains("账户已锁定，请 15 分钟后再试");
    assertNothingChangedSince(before);
  }
}
