package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.checkin.CheckInRounds;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Ids of other departments' records typed into the address: 测试护理部's head (tnursehead) aims at
 * 测试医务部's tasks, items, sub-tasks, check-ins, notices, evidence and change requests; a department
 * head at a leader's draft and tasks. Each is refused and nothing changes; an id that does not
 * exist is a 404 page that says so, not an error.
 */
@Attack(AttackCategory.FORGED_ID)
class ForgedIdAttackTest extends AttackTestSupport {

  @Autowired AttackScenes scenes;
  @Autowired WorkTasks workTasks;
  @Autowired CheckInRounds checkInRounds;

  @Test
  void anotherDepartmentsClaimTaskCanBeNeitherOpenedNorDecided() throws Exception {
    IssuedItem item = scenes.awaitingClaim("伪造认领");
    String task = scenes.openTaskId(item, "claimItem");
    DatabaseState before = databaseState();
    mvc.perform(get("/tasks/{id}", task).with(as("tnursehead"))).andExpect(status().isForbidden());
    mvc.perform(
            post("/tasks/{id}", task)
                .with(as("tnursehead"))
                .with(csrf())
                .param("claimDecision", "dispute")
                .param("disputeReason", "伪造异议"))
        .andExpect(status().isForbidden());
    assertNothingChangedSince(before);
  }

  @Test
  void anotherDepartmentsCheckInCannotBeSubmitted() throws Exception {
    IssuedItem item = fixture.issuedItem("伪造填报");
    checkInRounds.openNow("tducha");
    String task = fixture.openCheckInTask(item).getId();
    DatabaseState before = databaseState();
    mvc.perform(
            post("/tasks/{id}", task)
                .with(as("tnursehead"))
                .with(csrf())
                .param("percentDone", "99")
                .param("readings[0].value", "1")
                .param("narrative", "伪造进展"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/tasks/{id}/claim", task).with(as("tnursehead")).with(csrf()))
        .andExpect(status().isForbidden());
    assertNothingChangedSince(before);
    assertThat(currentTask(task).getAssignee()).isNull();
  }

  @Test
  void aSubTaskAssignedToSomeoneElseCannotBeReported() throws Exception {
    IssuedItem item = scenes.brokenDown("伪造子任务");
    String task = scenes.openTaskId(item, "doSubTask");
    DatabaseState before = databaseState();
    mvc.perform(
            post("/tasks/{id}", task).with(as("tnursehead")).with(csrf()).param("report", "伪造完成"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/tasks/{id}/unclaim", task).with(as("tnursehead")).with(csrf()))
        .andExpect(status().isForbidden());
    assertNothingChangedSince(before);
    assertThat(currentTask(task).getAssignee()).isEqualTo("tmedstaff");
  }

  @Test
  void aTaskSignedForBySomeoneCannotBeTakenOrGivenBackByAnother() throws Exception {
    IssuedItem item = scenes.awaitingClaim("伪造退回");
    String task = scenes.openTaskId(item, "claimItem");
    workTasks.claim(task, hospital.user("tmedhead"));
    DatabaseState before = databaseState();
    // a colleague of the same department may not take it from the one who signed for it either
    mvc.perform(post("/tasks/{id}/unclaim", task).with(as("tmedstaff")).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/tasks/{id}", task)
                .with(as("tmedstaff"))
                .with(csrf())
                .param("claimDecision", "claim"))
        .andExpect(status().isForbidden());
    assertNothingChangedSince(before);
    assertThat(currentTask(task).getAssignee()).isEqualTo("tmedhead");
  }

  @Test
  void theIssuersOwnTaskIsNotOpenToTheDepartment() throws Exception {
    IssuedItem item = scenes.awaitingClaim("伪造裁决");
    workTasks.complete(
        scenes.openTaskId(item, "claimItem"),
        Map.of("claimDecision", "dispute", "disputeReason", "非本科室"),
        hospital.user("tmedhead"));
    String task = scenes.openTaskId(item, "resolveDispute");
    DatabaseState before = databaseState();
    mvc.perform(get("/tasks/{id}", task).with(as("tmedhead"))).andExpect(status().isForbidden());
    mvc.perform(
            post("/tasks/{id}", task)
                .with(as("tmedhead"))
                .with(csrf())
                .param("disputeResolution", "uphold"))
        .andExpect(status().isForbidden());
    assertNothingChangedSince(before);
  }

  @Test
  void anotherDepartmentsItemNoticeAndEvidenceCannotBeRead() throws Exception {
    AttackScenes.Noticed noticed = scenes.noticed("伪造查看");
    Long file = scenes.evidenceFile(noticed);
    mvc.perform(get("/items/{id}", noticed.item().itemId()).with(as("tnursehead")))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/supervision/notices/{id}/print", noticed.notice().getId()).with(as("tnursehead")))
        .andExpect(status().isForbidden());
    MvcResult download =
        mvc.perform(get("/supervision/files/{id}", file).with(as("tnursehead")))
            .andExpect(status().isForbidden())
            .andReturn();
    assertThat(download.getResponse().getContentAsString()).doesNotContain("%PDF");
  }

  @Test
  void evidenceCannotBeAddedToAnotherDepartmentsRectification() throws Exception {
    AttackScenes.Noticed noticed = scenes.noticed("伪造佐证");
    DatabaseState before = databaseState();
    mvc.perform(
            multipart("/supervision/rectifications/{id}/files", noticed.rectification().getId())
                .file(
                    new MockMultipartFile(
                        "file", "伪造.pdf", "application/pdf", "%PDF-1.4".getBytes()))
                .with(as("tnursehead"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    assertNothingChangedSince(before);
  }

  @Test
  void aChangeOfAnotherDepartmentsItemCannotBeProposed() throws Exception {
    IssuedItem item = fixture.issuedItem("伪造变更");
    DatabaseState before = databaseState();
    mvc.perform(get("/items/{id}/change", item.itemId()).with(as("tnursehead")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/items/{id}/change", item.itemId())
                .with(as("tnursehead"))
                .with(csrf())
                .param("title", "伪造")
                .param("leadDepartmentId", "" + hospital.department("tnursing").getId())
                .param("leaderInChargeId", "" + hospital.personId("tincharge"))
                .param("deadline", "2099-01-01")
                .param("reason", "伪造"))
        .andExpect(status().isForbidden());
    assertNothingChangedSince(before);
  }

  @Test
  void aChangeRequestsApprovalIsTheIssuersOnly() throws Exception {
    IssuedItem item = fixture.issuedItem("伪造审批变更");
    mvc.perform(
            post("/items/{id}/change", item.itemId())
                .with(as("tmedhead"))
                .with(csrf())
                .param("title", "变更后")
                .param("leadDepartmentId", "" + hospital.department("tmedical").getId())
                .param("leaderInChargeId", "" + hospital.personId("tincharge"))
                .param(
                    "deadline",
                    org.duban.infrastructure.EngineClock.today().plusDays(150).toString())
                .param("reason", "需要"))
        .andExpect(status().is3xxRedirection());
    String task =
        taskService
            .createTaskQuery()
            .taskDefinitionKey("approveChange")
            .processVariableValueEquals("workItemId", item.itemId())
            .singleResult()
            .getId();
    DatabaseState before = databaseState();
    mvc.perform(
            post("/tasks/{id}", task)
                .with(as("tmedhead"))
                .with(csrf())
                .param("changeDecision", "approve"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/tasks/{id}", task)
                .with(as("tnursehead"))
                .with(csrf())
                .param("changeDecision", "approve"))
        .andExpect(status().isForbidden());
    assertNothingChangedSince(before);
  }

  @Test
  void aLeadersDraftCannotBeEditedByADepartmentHead() throws Exception {
    AttackScenes.Draft draft = scenes.draft("伪造编辑");
    DatabaseState before = databaseState();
    mvc.perform(get("/books/{id}/edit", draft.bookId()).with(as("tmedhead")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/books/{id}/areas", draft.bookId())
                .with(as("tmedhead"))
                .with(csrf())
                .param("name", "伪造领域"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/books/{id}/items/{item}/delete", draft.bookId(), draft.itemId())
                .with(as("tmedhead"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    // nor by another leader who did not draft it
    mvc.perform(
            post("/books/{id}/items/{item}/delete", draft.bookId(), draft.itemId())
                .with(as("tincharge"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    assertNothingChangedSince(before);
  }

  @Test
  void anItemOfOneDraftCannotBeDeletedThroughAnotherDraftsAddress() throws Exception {
    AttackScenes.Draft mine = scenes.draft("伪造删除甲");
    AttackScenes.Draft other = scenes.draft("伪造删除乙");
    DatabaseState before = databaseState();
    mvc.perform(
            post("/books/{id}/items/{item}/delete", mine.bookId(), other.itemId())
                .with(as("tleader"))
                .with(csrf()))
        .andReturn();
    assertNothingChangedSince(before);
  }

  @Test
  void anotherPersonsInboxEntryIsNotFound() throws Exception {
    IssuedItem item = fixture.issuedItem("伪造收件箱");
    mvc.perform(
            post("/items/{id}/urge", item.itemId())
                .with(as("tleader"))
                .with(csrf())
                .param("message", "请加快"))
        .andExpect(status().is3xxRedirection());
    Long entry =
        jdbc.queryForObject(
            "select max(id) from inbox_entry where recipient = 'tmedhead'", Long.class);
    DatabaseState before = databaseState();
    mvc.perform(get("/inbox/{id}", entry).with(as("tnursehead"))).andExpect(status().isNotFound());
    assertNothingChangedSince(before);
  }

  @Test
  void aDepartmentHeadsBoardStaysOnTheirDepartmentWhateverTheAddressNames() throws Exception {
    IssuedItem nursing = fixture.issuedItemLedBy("伪造驾驶舱护理事项", "tnursing");
    String nursingId = "" + hospital.department("tnursing").getId();
    // positive control: the supervision office, which sees the whole hospital, finds the item by
    // the same address
    MvcResult wholeData =
        mvc.perform(
                get("/board/data")
                    .param("department", nursingId)
                    .param("year", "")
                    .param("book", "" + nursing.bookId())
                    .with(as("tducha")))
            .andReturn();
    assertThat(wholeData.getResponse().getStatus()).isEqualTo(200);
    assertThat(wholeData.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("测试护理部");
    MvcResult wholeItems =
        mvc.perform(
                get("/board/items")
                    .param("department", nursingId)
                    .param("year", "")
                    .param("book", "" + nursing.bookId())
                    .with(as("tducha")))
            .andReturn();
    assertThat(wholeItems.getResponse().getStatus()).isEqualTo(200);
    assertThat(wholeItems.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("伪造驾驶舱护理事项")
        .contains("href=\"/items/" + nursing.itemId() + "\"");

    MvcResult data =
        mvc.perform(
                get("/board/data")
                    .param("department", nursingId)
                    .param("year", "")
                    .param("book", "" + nursing.bookId())
                    .with(as("tmedhead")))
            .andReturn();
    assertThat(data.getResponse().getStatus()).isEqualTo(200);
    assertThat(data.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain("伪造驾驶舱护理事项")
        .doesNotContain("测试护理部");
    MvcResult items =
        mvc.perform(
                get("/board/items")
                    .param("department", nursingId)
                    .param("year", "")
                    .param("book", "" + nursing.bookId())
                    .with(as("tmedhead")))
            .andReturn();
    assertThat(items.getResponse().getStatus()).isEqualTo(200);
    assertThat(items.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain("伪造驾驶舱护理事项")
        .doesNotContain("href=\"/items/" + nursing.itemId() + "\"");
  }

  @Test
  void idsThatDoNotExistAreAPageSayingSoNotAnError() throws Exception {
    // a task id that is no longer (or never was) open leads back to the inbox with a message
    mvc.perform(get("/tasks/{id}", "no-such-task").with(as("tducha")))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                "/tasks"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute("warning", "task.gone"));
    for (String path :
        new String[] {
          "/items/987654321",
          "/books/987654321",
          "/supervision/files/987654321",
          "/supervision/notices/987654321/print"
        }) {
      MvcResult result = mvc.perform(get(path).with(as("tducha"))).andReturn();
      assertThat(result.getResponse().getStatus()).as(path).isIn(403, 404);
      String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
      assertThat(body).as(path).doesNotContain("Exception").doesNotContain("at org.");
    }
  }
}
