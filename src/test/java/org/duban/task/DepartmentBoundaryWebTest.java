package org.duban.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.WebTestSupport;
import org.duban.book.ItemStage;
import org.duban.book.WorkItemRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A department sees and works only on its own items and tasks: 测试护理部 has no part in an item led by
 * 测试医务部 with 测试信息中心 collaborating.
 */
class DepartmentBoundaryWebTest extends WebTestSupport {

  @Autowired WorkItemRepository items;

  @Test
  void anotherDepartmentCannotOpenOrCompleteTheClaimTask() throws Exception {
    // Given an item of 测试医务部 waiting to be claimed
    IssuedItem item = fixture.issuedItem("科室边界认领");
    String taskId = fixture.openTask(item, "claimItem").getId();

    // When the head of 测试护理部 opens it, or posts a valid claim
    mvc.perform(get("/tasks/{id}", taskId).with(as("tnursehead")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/tasks/{id}", taskId)
                .with(as("tnursehead"))
                .with(csrf())
                .param("claimDecision", "claim"))
        .andExpect(status().isForbidden());
    // or tries to sign for it
    mvc.perform(post("/tasks/{id}/claim", taskId).with(as("tnursehead")).with(csrf()))
        .andExpect(status().isForbidden());

    // Then the task is still open for 测试医务部, unclaimed, and the item is not claimed
    Task task = currentTask(taskId);
    assertThat(task).isNotNull();
    assertThat(task.getAssignee()).isNull();
    assertThat(items.findById(item.itemId()).orElseThrow().getStage())
        .isEqualTo(ItemStage.AWAITING_CLAIM);
    // and the lead department's head may still open it
    mvc.perform(get("/tasks/{id}", taskId).with(as("tmedhead"))).andExpect(status().isOk());
  }

  @Test
  void theInboxListsOnlyTheTasksOfTheUsersDepartment() throws Exception {
    // Given an item of 测试医务部 waiting to be claimed
    IssuedItem item = fixture.issuedItem("科室边界待办");
    String taskId = fixture.openTask(item, "claimItem").getId();
    String link = "href=\"/tasks/" + taskId + "\"";

    // When each head opens 我的待办
    String medical =
        mvc.perform(get("/tasks").with(as("tmedhead")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String nursing =
        mvc.perform(get("/tasks").with(as("tnursehead")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    // Then only the lead department's head has the task
    assertThat(medical).contains(link);
    assertThat(nursing).doesNotContain(link).doesNotContain("科室边界待办");
  }

  @Test
  void anotherDepartmentCannotOpenTheItemPageButLeadAndCollaboratorCan() throws Exception {
    // Given an item led by 测试医务部 with 测试信息中心 collaborating
    IssuedItem item = fixture.issuedItem("科室边界事项");

    // When the head of 测试护理部 opens it, Then access is denied
    mvc.perform(get("/items/{id}", item.itemId()).with(as("tnursehead")))
        .andExpect(status().isForbidden());

    // When the lead and the collaborating departments open it, Then they see it
    mvc.perform(get("/items/{id}", item.itemId()).with(as("tmedstaff"))).andExpect(status().isOk());
    mvc.perform(get("/items/{id}", item.itemId()).with(as("tithead"))).andExpect(status().isOk());
  }

  @Test
  void theBookPageShowsAnotherDepartmentNoneOfTheItemsItHasNoPartIn() throws Exception {
    // Given a book with an item of 测试医务部
    IssuedItem item = fixture.issuedItem("科室边界任务书事项");

    // When the head of 测试护理部, which has no part in it, opens the book
    String nursing =
        mvc.perform(get("/books/{id}", item.bookId()).with(as("tnursehead")))
            .andExpect(status().isForbidden())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    // Then it is refused as its print view is, the item not listed, while the lead department sees
    // it
    assertThat(nursing).doesNotContain("href=\"/items/" + item.itemId() + "\"");
    String medical =
        mvc.perform(get("/books/{id}", item.bookId()).with(as("tmedhead")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(medical).contains("href=\"/items/" + item.itemId() + "\"");
  }
}
