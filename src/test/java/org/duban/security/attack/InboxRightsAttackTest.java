package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.duban.HttpBrowser;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.TestHospital;
import org.duban.book.TaskBook;
import org.duban.task.OutpatientOffice;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Steps forced by someone the inbox does not offer them to: a staff member of the lead department
 * (赵小红, opd.zhao) claims, disputes or decides the claim by URL and over the engine's REST API; the
 * drafter of a book approves its review. Each is refused with a page that says who takes the step,
 * and nothing changes.
 */
@Attack(AttackCategory.TASK_RIGHTS)
class InboxRightsAttackTest extends AttackTestSupport {

  @LocalServerPort int port;
  @Autowired OutpatientOffice office;
  @Autowired WorkTasks workTasks;

  @BeforeEach
  void office() {
    office.ensure();
  }

  @Test
  void aStaffMemberCannotClaimOrDisputeForTheDepartmentByUrl() throws Exception {
    IssuedItem item = fixture.issuedItemLedBy("强行认领", OutpatientOffice.CODE);
    String task = fixture.openTask(item, "claimItem").getId();
    DatabaseState before = databaseState();

    MvcResult claim =
        mvc.perform(post("/tasks/{id}/claim", task).with(as(OutpatientOffice.STAFF)).with(csrf()))
            .andExpect(status().isForbidden())
            .andReturn();
    assertThat(claim.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("科室负责人或副职");
    mvc.perform(get("/tasks/{id}", task).with(as(OutpatientOffice.STAFF)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/tasks/{id}", task)
                .with(as(OutpatientOffice.STAFF))
                .with(csrf())
                .param("claimDecision", "claim"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/tasks/{id}", task)
                .with(as(OutpatientOffice.STAFF))
                .with(csrf())
                .param("claimDecision", "dispute")
                .param("disputeReason", "非本科室"))
        .andExpect(status().isForbidden());
    assertThat(page(get("/tasks").with(as(OutpatientOffice.STAFF)))).doesNotContain(task);

    assertNothingChangedSince(before);
    assertThat(currentTask(task).getAssignee()).isNull();
  }

  @Test
  void aStaffMemberCannotClaimOverTheRestApi() throws Exception {
    IssuedItem item = fixture.issuedItemLedBy("接口强行认领", OutpatientOffice.CODE);
    String task = fixture.openTask(item, "claimItem").getId();
    DatabaseState before = databaseState();

    for (String[] call :
        new String[][] {
          {
            "/engine-rest/task/" + task + "/claim",
            "{\"userId\":\"" + OutpatientOffice.STAFF + "\"}"
          },
          {
            "/engine-rest/task/" + task + "/assignee",
            "{\"userId\":\"" + OutpatientOffice.STAFF + "\"}"
          },
          {"/engine-rest/task/" + task + "/complete", "{}"}
        }) {
      assertThat(restPost(OutpatientOffice.STAFF, call[0], call[1]).statusCode())
          .as(call[0])
          .isEqualTo(403);
    }

    assertNothingChangedSince(before);
    assertThat(currentTask(task).getAssignee()).isNull();
  }

  @Test
  void theDrafterCannotApproveTheirOwnBook() throws Exception {
    TaskBook book = fixture.draft("强行自审");
    fixture.addItem(book, "1", "强行自审事项");
    workTasks.complete(
        taskService
            .createTaskQuery()
            .processInstanceId(book.getProcessInstanceId())
            .taskDefinitionKey("draftTaskBook")
            .singleResult()
            .getId(),
        Map.of(),
        hospital.user(IssuedItemFixture.ISSUER));
    String review =
        taskService
            .createTaskQuery()
            .processInstanceId(book.getProcessInstanceId())
            .taskDefinitionKey("reviewTaskBook")
            .singleResult()
            .getId();
    DatabaseState before = databaseState();

    MvcResult approve =
        mvc.perform(
                post("/tasks/{id}", review)
                    .with(as(IssuedItemFixture.ISSUER))
                    .with(csrf())
                    .param("reviewDecision", "approve"))
            .andExpect(status().isForbidden())
            .andReturn();
    assertThat(approve.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("起草人不能审核");
    mvc.perform(post("/tasks/{id}/claim", review).with(as(IssuedItemFixture.ISSUER)).with(csrf()))
        .andExpect(status().isForbidden());

    assertNothingChangedSince(before);
    assertThat(currentTask(review).getAssignee()).isNull();
  }

  private HttpResponse<String> restPost(String user, String path, String json) throws Exception {
    HttpBrowser browser = HttpBrowser.onPort(port);
    HttpRequest.Builder request =
        HttpBrowser.basicJson(browser.request(path), user, TestHospital.PASSWORD)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            // the script header, so that what refuses the call is the person's rights
            .header("X-Requested-By", "duban");
    return browser.send(
        request.method("POST", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }
}
