package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.HttpBrowser;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.TestHospital;
import org.duban.book.ItemStage;
import org.duban.book.WorkItemRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's REST API and Duban's JSON over real HTTP (Jersey serves /engine-rest beside Spring
 * MVC, out of MockMvc's reach): without credentials nothing is answered; a department head sees
 * only their department's tasks, reads no one else, deploys nothing, grants themselves nothing, and
 * makes no decision there that Duban's pages make (a decision writes Duban's tables and the engine
 * together).
 */
@Attack(AttackCategory.REST_RIGHTS)
class RestRightsHttpAttackTest extends AttackTestSupport {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired WorkItemRepository items;
  @Autowired AttackScenes scenes;

  private HttpResponse<String> rest(String user, String method, String path, String json)
      throws Exception {
    HttpBrowser browser = HttpBrowser.onPort(port);
    HttpRequest.Builder request = browser.request(path).header("Accept", "application/json");
    if (user != null) {
      request = HttpBrowser.basicJson(request, user, TestHospital.PASSWORD);
    }
    HttpRequest.BodyPublisher body =
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    // write calls carry the script header, so that what refuses them here is the person's rights
    if (!method.equals("GET")) {
      request = request.header("X-Requested-By", "duban");
    }
    return browser.send(request.header("Content-Type", "application/json").method(method, body));
  }

  @Test
  void withoutCredentialsNothingIsAnsweredOrDone() throws Exception {
    String task = scenes.openTaskId(scenes.awaitingClaim("接口匿名"), "claimItem");
    DatabaseState before = databaseState();
    for (String[] call :
        new String[][] {
          {"GET", "/engine-rest/task"},
          {"GET", "/engine-rest/user"},
          {"POST", "/engine-rest/task/" + task + "/complete"},
          {"GET", "/engine-rest/process-definition"}
        }) {
      HttpResponse<String> response =
          rest(null, call[0], call[1], call[0].equals("POST") ? "{}" : null);
      assertThat(response.statusCode()).as("%s %s", call[0], call[1]).isEqualTo(401);
      assertThat(response.body()).doesNotContain("\"id\"");
    }
    assertNothingChangedSince(before);
  }

  @Test
  void aDepartmentHeadCannotReadOrCompleteAnotherDepartmentsTask() throws Exception {
    String nursing = scenes.openTaskId(fixture.issuedItemLedBy("接口越权护理", "tnursing"), "claimItem");
    DatabaseState before = databaseState();
    assertThat(rest("tmedhead", "GET", "/engine-rest/task/" + nursing, null).statusCode())
        .isEqualTo(404);
    assertThat(
            rest(
                    "tmedhead",
                    "GET",
                    "/engine-rest/task?taskDefinitionKey=claimItem&maxResults=100000",
                    null)
                .body())
        .doesNotContain(nursing);
    assertThat(
            rest(
                    "tmedhead",
                    "POST",
                    "/engine-rest/task/" + nursing + "/complete",
                    "{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}")
                .statusCode())
        .isIn(403, 404);
    assertNothingChangedSince(before);
  }

  @Test
  void aDepartmentHeadMakesNoDecisionOverRestThatBypassesDubansRecords() throws Exception {
    // Given the department's own claim task, which Duban's page decides with the item's stage
    IssuedItem item = scenes.awaitingClaim("接口绕过认领");
    String task = scenes.openTaskId(item, "claimItem");
    DatabaseState before = databaseState();

    // When the head completes it, signs for it, or sets its variables over the REST API
    HttpResponse<String> complete =
        rest(
            "tmedhead",
            "POST",
            "/engine-rest/task/" + task + "/complete",
            "{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}");
    HttpResponse<String> claim =
        rest(
            "tmedhead",
            "POST",
            "/engine-rest/task/" + task + "/claim",
            "{\"userId\":\"tmedhead\"}");
    HttpResponse<String> variables =
        rest(
            "tmedhead",
            "PUT",
            "/engine-rest/task/" + task + "/variables/claimDecision",
            "{\"value\":\"claim\",\"type\":\"String\"}");

    // Then each is refused, the task is open and unclaimed, and the item still waits to be claimed
    assertThat(complete.statusCode()).isEqualTo(403);
    assertThat(claim.statusCode()).isEqualTo(403);
    assertThat(variables.statusCode()).isEqualTo(403);
    assertThat(currentTask(task)).isNotNull();
    assertThat(currentTask(task).getAssignee()).isNull();
    assertThat(items.findById(item.itemId()).orElseThrow().getStage())
        .isEqualTo(ItemStage.AWAITING_CLAIM);
    assertNothingChangedSince(before);
    // while reading it stays open to them
    assertThat(rest("tmedhead", "GET", "/engine-rest/task/" + task, null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aDepartmentHeadDeploysNothing() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    String boundary = "attackBoundary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nattack\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"attack.bpmn\"\r\n\r\n"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
            + "<process id=\"attack\" isExecutable=\"true\"><startEvent id=\"s\"/></process></definitions>\r\n--"
            + boundary
            + "--\r\n";
    HttpBrowser browser = HttpBrowser.onPort(port);
    HttpResponse<String> response =
        browser.send(
            HttpBrowser.basicJson(
                    browser.request("/engine-rest/deployment/create"),
                    "tmedhead",
                    TestHospital.PASSWORD)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Requested-By", "duban")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aDepartmentHeadReadsNoOtherPersonAndCreatesNone() throws Exception {
    HttpResponse<String> users = rest("tmedhead", "GET", "/engine-rest/user", null);
    assertThat(users.statusCode()).isEqualTo(200);
    assertThat(users.body())
        .contains("\"id\":\"tmedhead\"")
        .doesNotContain("tadmin")
        .doesNotContain("tnursehead");
    assertThat(rest("tmedhead", "GET", "/engine-rest/user/tadmin/profile", null).statusCode())
        .isIn(403, 404);
    DatabaseState before = databaseState();
    assertThat(
            rest(
                    "tleader",
                    "POST",
                    "/engine-rest/user/create",
                    "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"Intruder-12345\"}}")
                .statusCode())
        .isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    assertNothingChangedSince(before);
  }

  @Test
  void aDepartmentHeadGrantsThemselvesNothing() throws Exception {
    DatabaseState before = databaseState();
    assertThat(
            rest("tmedhead", "PUT", "/engine-rest/group/camunda-admin/members/tmedhead", null)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            rest(
                    "tmedhead",
                    "POST",
                    "/engine-rest/authorization/create",
                    "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"tmedhead\",\"resourceType\":7,\"resourceId\":\"*\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            identityService
                .createUserQuery()
                .memberOfGroup("camunda-admin")
                .userId("tmedhead")
                .count())
        .isZero();
    assertNothingChangedSince(before);
  }

  @Test
  void aDepartmentHeadNeitherEndsNorStartsNorSignalsProcesses() throws Exception {
    IssuedItem item = scenes.awaitingClaim("接口删除实例");
    String instance = currentTask(scenes.openTaskId(item, "claimItem")).getProcessInstanceId();
    DatabaseState before = databaseState();
    assertThat(
            rest("tmedhead", "DELETE", "/engine-rest/process-instance/" + instance, null)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            rest(
                    "tmedhead",
                    "POST",
                    "/engine-rest/process-definition/key/escalation/start",
                    "{\"businessKey\":\"item-"
                        + item.itemId()
                        + "\",\"variables\":{\"workItemId\":{\"value\":"
                        + item.itemId()
                        + ",\"type\":\"Long\"}}}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            rest(
                    "tmedhead",
                    "POST",
                    "/engine-rest/message",
                    "{\"messageName\":\"itemBackOnTrack\",\"all\":true}")
                .statusCode())
        .isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isEqualTo(1);
    assertNothingChangedSince(before);
  }

  @Test
  void dubansJsonIsForThoseWhoMayReadTheBoard() throws Exception {
    HttpBrowser anonymous = HttpBrowser.onPort(port);
    HttpResponse<String> response =
        anonymous.send(anonymous.request("/board/data").header("Accept", "application/json").GET());
    assertThat(response.statusCode()).isIn(302, 401);
    assertThat(response.body()).doesNotContain("\"labels\"");
    HttpBrowser staff = HttpBrowser.onPort(port).logIn("tmedstaff");
    HttpResponse<String> forStaff =
        staff.send(staff.request("/board/data").header("Accept", "application/json").GET());
    assertThat(forStaff.statusCode()).isEqualTo(403);
    assertThat(forStaff.body()).doesNotContain("\"labels\"");
  }

  @Test
  void aPageSessionDoesNotOpenTheRestApi() throws Exception {
    HttpBrowser browser = HttpBrowser.onPort(port).logIn("tadmin");
    assertThat(
            browser
                .send(
                    browser.request("/engine-rest/user").header("Accept", "application/json").GET())
                .statusCode())
        .isEqualTo(401);
    assertThat(
            browser
                .send(
                    browser
                        .request("/engine-rest/deployment/create")
                        .POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(401);
  }
}
