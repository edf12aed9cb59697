package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.HttpBrowser;
import org.duban.TestHospital;
import org.duban.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's REST API (HTTP Basic) and the Camunda webapps under {@code /camunda} (admins only,
 * single sign-on with Duban's log-in). Asked over real HTTP: Jersey serves the REST API and the
 * webapps' APIs as servlets beside Spring MVC's, which MockMvc never reaches and whose paths
 * MockMvc does not reproduce.
 *
 * <p>The REST API and the webapps take the engine named "default" from a static registry shared by
 * every test context; {@link org.duban.ThisContextsEngine} puts this context's there for each test.
 */
class EngineRestAndWebappAccessTest extends WebTestSupport {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired LoginLockouts lockouts;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anonymousRestCallsAreRefusedWithoutABasicChallenge() throws Exception {
    // When the task list is asked for without credentials, or with a wrong password
    HttpResponse<String> response = send(client(), request("/engine-rest/task").GET());
    HttpResponse<String> wrong =
        send(client(), basic(request("/engine-rest/task"), "tadmin", "wrong-password"));

    // Then the answer is 401 in JSON, but with no Basic challenge: a browser shows no password
    // dialog
    // and so never keeps credentials that a foreign page's requests would carry
    for (HttpResponse<String> refused : java.util.List.of(response, wrong)) {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().allValues("WWW-Authenticate"))
          .noneMatch(v -> v.toLowerCase().startsWith("basic"));
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      assertThat(refused.body()).contains("\"type\":\"AuthenticationRequired\"");
    }
  }

  @Test
  void writeCallsNeedTheScriptHeaderThatNoForeignFormCanSend() throws Exception {
    // When the admin posts a deployment with Basic credentials but without the header, as a foreign
    // page's form would with a browser's cached credentials
    HttpRequest.Builder forged =
        basic(request("/engine-rest/deployment/create"), "tadmin", TestHospital.PASSWORD)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("deployment-name=rest-deploy-test"));
    HttpResponse<String> refused = send(client(), forged);

    // Then it is refused, saying what is missing, and nothing is deployed
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("X-Requested-By");
    assertThat(repositoryService.createDeploymentQuery().deploymentName("rest-deploy-test").count())
        .isZero();
    // while reading needs no header
    assertThat(
            send(client(), basic(request("/engine-rest/engine"), "tadmin", TestHospital.PASSWORD))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aWrongPasswordIsNotLetIn() throws Exception {
    assertThat(
            send(client(), basic(request("/engine-rest/task"), "tadmin", "wrong-password"))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void everyoneLoggedInMayUseTheRestApiAndSeesOnlyWhatTheyMay() throws Exception {
    // When a department head asks for tasks, Then the engine answers (filtered by its
    // authorizations)
    HttpResponse<String> tasks =
        send(client(), basic(request("/engine-rest/task"), "tmedhead", TestHospital.PASSWORD));
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.body()).startsWith("[");

    // When a leader lists the engine's users, Then only their own user comes back
    HttpResponse<String> users =
        send(client(), basic(request("/engine-rest/user"), "tleader", TestHospital.PASSWORD));
    assertThat(users.statusCode()).isEqualTo(200);
    assertThat(users.body())
        .contains("\"id\":\"tleader\"")
        .doesNotContain("tadmin")
        .doesNotContain("tmedhead");
  }

  @Test
  void aDepartmentHeadSeesTheTasksOfTheirDepartmentAndNoOtherOverRest() throws Exception {
    // Given an item led by 测试医务部 and one led by 测试护理部, each waiting to be claimed
    String medical = fixture.openTask(fixture.issuedItem("接口可见医务事项"), "claimItem").getId();
    String nursing =
        fixture.openTask(fixture.issuedItemLedBy("接口可见护理事项", "tnursing"), "claimItem").getId();
    String claimTasks = "/engine-rest/task?taskDefinitionKey=claimItem&maxResults=100000";

    // When the head of 医务部 lists the claim tasks, Then their department's is there and 护理部's is not
    HttpResponse<String> medHead =
        send(client(), basic(request(claimTasks), "tmedhead", TestHospital.PASSWORD));
    assertThat(medHead.statusCode()).isEqualTo(200);
    assertThat(medHead.body()).contains(medical).doesNotContain(nursing);
    // and 护理部's task cannot be opened or claimed by its id
    assertThat(
            send(
                    client(),
                    basic(
                        request("/engine-rest/task/" + nursing), "tmedhead", TestHospital.PASSWORD))
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> claim =
        send(
            client(),
            basic(
                    request("/engine-rest/task/" + nursing + "/claim"),
                    "tmedhead",
                    TestHospital.PASSWORD)
                .header("Content-Type", "application/json")
                .header("X-Requested-By", "duban")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"tmedhead\"}")));
    assertThat(claim.statusCode()).isEqualTo(403);
    assertThat(currentTask(nursing).getAssignee()).isNull();

    // When the head of 护理部 lists them, Then it is the other way round
    HttpResponse<String> nurseHead =
        send(client(), basic(request(claimTasks), "tnursehead", TestHospital.PASSWORD));
    assertThat(nurseHead.body()).contains(nursing).doesNotContain(medical);

    // When a leader lists them, Then both are there, and every running instance is counted
    HttpResponse<String> leader =
        send(client(), basic(request(claimTasks), "tleader", TestHospital.PASSWORD));
    assertThat(leader.body()).contains(medical).contains(nursing);
    HttpResponse<String> count =
        send(
            client(),
            basic(
                request("/engine-rest/process-instance/count"), "tleader", TestHospital.PASSWORD));
    assertThat(count.body())
        .isEqualTo("{\"count\":" + runtimeService.createProcessInstanceQuery().count() + "}");
    // but a leader may not complete a department's task over the REST API
    HttpResponse<String> complete =
        send(
            client(),
            basic(
                    request("/engine-rest/task/" + medical + "/complete"),
                    "tleader",
                    TestHospital.PASSWORD)
                .header("Content-Type", "application/json")
                .header("X-Requested-By", "duban")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(complete.statusCode()).isEqualTo(403);
    assertThat(currentTask(medical)).isNotNull();
  }

  @Test
  void onlyTheAdminMayDeployOverRest() throws Exception {
    // When a department head posts a deployment, Then the engine refuses it
    assertThat(send(client(), deployment("tmedhead")).statusCode()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().deploymentName("rest-deploy-test").count())
        .isZero();

    // When the admin posts the same, Then it is deployed (and removed again here)
    HttpResponse<String> admin = send(client(), deployment("tadmin"));
    assertThat(admin.statusCode()).isEqualTo(200);
    repositoryService
        .createDeploymentQuery()
        .deploymentName("rest-deploy-test")
        .list()
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  private HttpRequest.Builder deployment(String username) {
    String boundary = "dubanTestBoundary";
    String bpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://duban.org/test">
          <bpmn:process id="restDeployTest" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="start"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nrest-deploy-test\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"rest-deploy-test.bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + bpmn
            + "\r\n--"
            + boundary
            + "--\r\n";
    return basic(request("/engine-rest/deployment/create"), username, TestHospital.PASSWORD)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("X-Requested-By", "duban")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  @Test
  void theAdminReachesTheEngineRestApiWithHttpBasic() throws Exception {
    // When the admin asks for the tasks and the engines with HTTP Basic
    HttpResponse<String> tasks =
        send(client(), basic(request("/engine-rest/task"), "tadmin", TestHospital.PASSWORD));
    HttpResponse<String> engines =
        send(client(), basic(request("/engine-rest/engine"), "tadmin", TestHospital.PASSWORD));

    // Then the engine answers with JSON
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.body()).startsWith("[");
    assertThat(engines.statusCode()).isEqualTo(200);
    assertThat(engines.body()).contains("{\"name\":\"default\"}");
  }

  @Test
  void aDepartmentHeadsPageSessionOpensNeitherTheRestApiNorTheWebappApis() throws Exception {
    // Given a department head logged in through the log-in page
    HttpBrowser browser = client().logIn("tmedhead");
    assertThat(send(browser, request("/tasks").GET()).statusCode()).as("logged in").isEqualTo(200);

    // When the browser, with its session, calls the engine's REST API and the webapps' APIs
    // Then the REST API still wants HTTP Basic (no session, so no CSRF exposure), and the webapps
    // refuse
    assertThat(send(browser, request("/engine-rest/task").GET()).statusCode()).isEqualTo(401);
    assertThat(send(browser, request("/engine-rest/user").GET()).statusCode()).isEqualTo(401);
    assertThat(send(browser, request("/camunda/api/engine/engine/").GET()).statusCode())
        .isEqualTo(403);
    assertThat(send(browser, request("/camunda/app/cockpit/").GET()).statusCode()).isEqualTo(403);
  }

  @Test
  void cockpitIsClosedToAnonymousAndNonAdminUsers() throws Exception {
    // When nobody is logged in, Then the log-in page is asked for
    mvc.perform(get("/camunda/app/cockpit/"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("**/login"));

    // When a department head, a leader or the supervision office opens Cockpit, Then access is
    // denied
    mvc.perform(get("/camunda/app/cockpit/").with(as("tmedhead")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/camunda/app/cockpit/").with(as("tleader"))).andExpect(status().isForbidden());
    mvc.perform(get("/camunda/app/cockpit/").with(as("tducha"))).andExpect(status().isForbidden());
  }

  @Test
  void theAdminOpensCockpitAfterLoggingIn() throws Exception {
    // Given the admin logged in through Duban's log-in page, and a running item
    fixture.issuedItem("驾驶舱可见事项");
    HttpBrowser browser = client().logIn("tadmin");

    // When Cockpit is opened, Then it leads to the engine's Cockpit, whose page is served
    HttpResponse<String> entry = send(browser, request("/camunda/app/cockpit/").GET());
    assertThat(entry.statusCode()).isEqualTo(302);
    assertThat(entry.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/camunda/app/cockpit/default/"));
    HttpResponse<String> cockpit = send(browser, request("/camunda/app/cockpit/default/").GET());
    assertThat(cockpit.statusCode()).isEqualTo(200);
    assertThat(cockpit.body()).containsIgnoringCase("cockpit");

    // And the webapps know the admin without a second log-in: Cockpit, Tasklist and Admin are open
    HttpResponse<String> who = send(browser, request("/camunda/api/admin/auth/user/default").GET());
    assertThat(who.statusCode()).isEqualTo(200);
    assertThat(who.body())
        .contains("\"userId\":\"tadmin\"")
        .contains("cockpit")
        .contains("tasklist")
        .contains("admin");

    // And Tasklist and Admin open with the same log-in
    for (String app : new String[] {"tasklist", "admin"}) {
      HttpResponse<String> page = send(browser, request("/camunda/app/" + app + "/default/").GET());
      assertThat(page.statusCode()).as(app).isEqualTo(200);
      assertThat(page.body()).as(app).containsIgnoringCase(app);
    }

    // And Cockpit's engine API counts every running instance
    HttpResponse<String> count =
        send(browser, request("/camunda/api/engine/engine/default/process-instance/count").GET());
    assertThat(count.statusCode()).isEqualTo(200);
    long running = runtimeService.createProcessInstanceQuery().count();
    assertThat(running).isPositive();
    assertThat(count.body()).isEqualTo("{\"count\":" + running + "}");
  }

  @Test
  void theWebappsKeepTheirCsrfProtection() throws Exception {
    // Given the admin in Cockpit, whose first page sets the webapps' XSRF-TOKEN cookie
    HttpBrowser browser = client().logIn("tadmin");
    assertThat(send(browser, request("/camunda/app/cockpit/default/").GET()).statusCode())
        .isEqualTo(200);
    String token = browser.cookie("XSRF-TOKEN").orElseThrow().getValue();
    String query = "/camunda/api/engine/engine/default/process-instance";

    String origin = "http://localhost:" + port;

    // When a query is posted with the token in the header, as Cockpit does, Then it is answered
    HttpResponse<String> with =
        send(
            browser,
            request(query)
                .header("Origin", origin)
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(with.statusCode()).isEqualTo(200);
    assertThat(with.body()).startsWith("[");

    // When it is posted without the token, Then the webapps refuse it and end the session they
    // share
    // with Duban's pages: a forged request logs the admin out
    HttpResponse<String> without =
        send(
            browser,
            request(query)
                .header("Origin", origin)
                .header("Content-Type", "application/json")
                .header("X-Requested-By", "duban")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(without.statusCode()).isEqualTo(403);
    HttpResponse<String> after = send(browser, request("/tasks").GET());
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
  }

  @Test
  void nonAdminsAreRefusedEveryWebappAndItsApis() throws Exception {
    for (String username : new String[] {"tmedhead", "tleader", "tducha"}) {
      // Given a non-admin logged in through Duban's log-in page
      HttpBrowser browser = client().logIn(username);

      // When they open the webapps or call their APIs, Then each is forbidden
      for (String path :
          new String[] {
            "/camunda/app/cockpit/",
            "/camunda/app/cockpit/default/",
            "/camunda/app/tasklist/default/",
            "/camunda/app/admin/default/",
            "/camunda/app/welcome/default/",
            "/camunda/api/admin/auth/user/default",
            "/camunda/api/engine/engine/default/process-instance/count",
            "/camunda/api/engine/engine/default/task",
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics"
          }) {
        assertThat(send(browser, request(path).GET()).statusCode())
            .as("%s GET %s", username, path)
            .isEqualTo(403);
      }
    }
  }

  @Test
  void anonymousVisitorsOfTheWebappsAreSentToDubansLogIn() throws Exception {
    for (String path :
        new String[] {
          "/camunda/app/cockpit/default/",
          "/camunda/api/engine/engine/default/process-instance/count"
        }) {
      HttpResponse<String> response = send(client(), request(path).GET());
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
  }

  @Test
  void fiveFailedLogInsLockTheAccountUntilAnAdminUnlocksIt() throws Exception {
    String name = "tithead";
    long failedBefore = audited(name, "login.failed");
    long lockedBefore = audited(name, "login.locked");
    try {
      // When four wrong passwords are tried, Then each is only a wrong password
      for (int i = 1; i <= 4; i++) {
        assertThat(client().tryLogIn(name, "wrong-" + i))
            .as("failure %s", i)
            .endsWith("/login?error");
      }
      // When the fifth is tried, Then the account is locked for 15 minutes
      assertThat(client().tryLogIn(name, "wrong-5")).endsWith("/login?locked=15");
      assertThat(
              send(
                      client(),
                      HttpRequest.newBuilder(
                              URI.create("http://localhost:" + port + "/login?locked=15"))
                          .GET())
                  .body())
          .contains("账户已锁定，请 15 分钟后再试");

      // When the right password is given while locked, Then the log-in page and HTTP Basic refuse
      // it
      assertThat(client().tryLogIn(name, TestHospital.PASSWORD)).contains("/login?locked=");
      assertThat(
              send(client(), basic(request("/engine-rest/task"), name, TestHospital.PASSWORD))
                  .statusCode())
          .isEqualTo(401);

      // And the failures and the lock are in the audit log, under the name tried
      assertThat(audited(name, "login.failed") - failedBefore).isEqualTo(7);
      assertThat(audited(name, "login.locked") - lockedBefore).isEqualTo(1);

      // When someone other than an admin tries to unlock, Then it is forbidden
      mvc.perform(post("/admin/people/{u}/unlock", name).with(as("tmedhead")).with(csrf()))
          .andExpect(status().isForbidden());
      assertThat(client().tryLogIn(name, TestHospital.PASSWORD)).contains("/login?locked=");

      // When the admin opens the person's page, Then it says the account is locked and offers to
      // unlock it
      String personPage = "/admin/people/" + hospital.personId(name);
      mvc.perform(get(personPage).with(as("tadmin")))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("该账户因连续登录失败已锁定")))
          .andExpect(content().string(containsString("/admin/people/" + name + "/unlock")));

      // When the admin unlocks the account, Then the right password opens it again, and the unlock
      // is audited
      long unlocksBefore = audited("tadmin", "login.unlock");
      mvc.perform(post("/admin/people/{u}/unlock", name).with(as("tadmin")).with(csrf()))
          .andExpect(status().is3xxRedirection())
          .andExpect(redirectedUrl(personPage))
          .andExpect(flash().attribute("notice", "lockout.unlocked"));
      assertThat(audited("tadmin", "login.unlock") - unlocksBefore).isEqualTo(1);
      assertThat(client().tryLogIn(name, TestHospital.PASSWORD)).doesNotContain("/login?");
      mvc.perform(get(personPage).with(as("tadmin")))
          .andExpect(content().string(not(containsString("/admin/people/" + name + "/unlock"))));
    } finally {
      lockouts.unlock(name);
    }
  }

  @Test
  void aSuccessfulLogInStartsTheCountAgain() throws Exception {
    String name = "tnursehead";
    try {
      for (int i = 1; i <= 4; i++) {
        assertThat(client().tryLogIn(name, "wrong-" + i)).endsWith("/login?error");
      }
      assertThat(client().tryLogIn(name, TestHospital.PASSWORD)).doesNotContain("/login?");
      for (int i = 1; i <= 4; i++) {
        assertThat(client().tryLogIn(name, "wrong-again-" + i))
            .as("failure %s after the success", i)
            .endsWith("/login?error");
      }
      assertThat(lockouts.isLocked(name)).isFalse();
    } finally {
      lockouts.unlock(name);
    }
  }

  @Test
  void aLockRunsOutAfterItsMinutes() throws Exception {
    String name = "tmedstaff";
    try {
      for (int i = 1; i <= 5; i++) {
        client().tryLogIn(name, "wrong-" + i);
      }
      assertThat(lockouts.minutesLocked(name)).contains(15L);

      // When 16 minutes have passed (lock-outs run on the wall clock: the lock is moved back), Then
      // the right password is accepted again
      jdbc.update(
          "update login_lockout set locked_until = ? where username = ?",
          java.sql.Timestamp.valueOf(java.time.LocalDateTime.now().minusMinutes(1)),
          name);
      assertThat(lockouts.isLocked(name)).isFalse();
      assertThat(client().tryLogIn(name, TestHospital.PASSWORD)).doesNotContain("/login?");
    } finally {
      lockouts.unlock(name);
    }
  }

  @Test
  void aNameThatBelongsToNobodyIsLockedAlike() throws Exception {
    // When a name nobody has is tried five times, Then the answer is the same as for a real account
    String name = "nobody-" + System.nanoTime();
    try {
      for (int i = 1; i <= 4; i++) {
        assertThat(client().tryLogIn(name, "wrong-" + i)).endsWith("/login?error");
      }
      assertThat(client().tryLogIn(name, "wrong-5")).endsWith("/login?locked=15");
    } finally {
      lockouts.unlock(name);
    }
  }

  private long audited(String actor, String action) {
    return jdbc.queryForObject(
        "select count(*) from audit_event where actor = ? and action = ?",
        Long.class,
        actor,
        action);
  }

  private HttpBrowser client() {
    return HttpBrowser.onPort(port);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json");
  }

  private static HttpRequest.Builder basic(
      HttpRequest.Builder request, String username, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return request.header("Authorization", "Basic " + token).GET();
  }

  private static HttpResponse<String> send(HttpBrowser client, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(request);
  }
}
