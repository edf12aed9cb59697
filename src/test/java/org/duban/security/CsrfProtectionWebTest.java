package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.WebTestSupport;
import org.duban.book.ItemStage;
import org.duban.book.TaskBookRepository;
import org.duban.book.WorkItemRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Pages' posts need the CSRF token of the session: a forged cross-site post changes nothing. */
class CsrfProtectionWebTest extends WebTestSupport {

  @Autowired WorkItemRepository items;
  @Autowired TaskBookRepository books;

  @Test
  void aTaskPostWithoutTokenIsRefusedAndChangesNothing() throws Exception {
    // Given an item waiting for its lead department
    IssuedItem item = fixture.issuedItem("跨站请求伪造");
    String taskId = fixture.openTask(item, "claimItem").getId();

    // When a valid claim is posted for the department head without a token, or with a wrong one
    mvc.perform(post("/tasks/{id}", taskId).with(as("tmedhead")).param("claimDecision", "claim"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/tasks/{id}", taskId)
                .with(as("tmedhead"))
                .with(csrf().useInvalidToken())
                .param("claimDecision", "claim"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/tasks/{id}/claim", taskId).with(as("tmedhead")))
        .andExpect(status().isForbidden());

    // Then the task is still open and unclaimed, and the item not claimed
    Task task = currentTask(taskId);
    assertThat(task).isNotNull();
    assertThat(task.getAssignee()).isNull();
    assertThat(items.findById(item.itemId()).orElseThrow().getStage())
        .isEqualTo(ItemStage.AWAITING_CLAIM);
  }

  @Test
  void aBookPostWithoutTokenIsRefusedAndCreatesNothing() throws Exception {
    long before = books.count();

    // When a leader's browser is made to post a new book without a token
    mvc.perform(
            post("/books")
                .with(as("tleader"))
                .param("title", "伪造任务书")
                .param("year", "2026")
                .param("periodStart", "2026-01-01")
                .param("periodEnd", "2026-12-31")
                .param("goalAreas", "医疗服务"))
        .andExpect(status().isForbidden());

    // Then no book is created
    assertThat(books.count()).isEqualTo(before);
  }
}
