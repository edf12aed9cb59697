package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.task.WorkTasks;
import org.duban.taskbook.TaskBook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A task that comes round again starts blank, and only group tasks offer to go back to the group. */
class TaskPageRoundsWebTest extends WebTestSupport {

  @Autowired WorkTasks workTasks;

  private Task bookTask(TaskBook book, String key) {
    return taskService.createTaskQuery().processInstanceId(book.getProcessInstanceId()).taskDefinitionKey(key).singleResult();
  }

  /** A draft submitted, sent back by the reviewer, and revised with a note: back in review. */
  private TaskBook sentBackAndRevised(String title, String revisionNote) {
    TaskBook book = fixture.draft(title);
    fixture.addItem(book, "1", "事项");
    workTasks.complete(bookTask(book, "draftTaskBook").getId(), Map.of(), hospital.user(IssuedItemFixture.ISSUER));
    workTasks.complete(bookTask(book, "reviewTaskBook").getId(),
        Map.of("reviewDecision", "sendBack", "reviewComment", "请量化指标"), hospital.user(IssuedItemFixture.REVIEWER));
    workTasks.complete(bookTask(book, "reviseTaskBook").getId(),
        Map.of("revisionNote", revisionNote), hospital.user(IssuedItemFixture.ISSUER));
    return book;
  }

  @Test
  void aSecondReviewDoesNotPreSelectTheFirstReviewsDecision() throws Exception {
    // Given a draft sent back once and revised
    TaskBook book = sentBackAndRevised("二次审核不预选", "已量化");

    // When the reviewer opens the second review
    String html = mvc.perform(get("/tasks/{id}", bookTask(book, "reviewTaskBook").getId())
            .with(as(IssuedItemFixture.REVIEWER)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    // Then no decision is chosen yet
    assertThat(html).doesNotContainPattern("value=\"sendBack\"[^>]*checked");
    assertThat(html).doesNotContainPattern("value=\"approve\"[^>]*checked");
  }

  @Test
  void theReviewerSeesTheRevisionNoteAboveTheForm() throws Exception {
    // Given a draft sent back and revised with a note
    TaskBook book = sentBackAndRevised("审核看到修改说明", "已将指标量化为平均住院日6.5天");
    // When the reviewer opens the review, Then the issuer's note is there to decide on
    String html = mvc.perform(get("/tasks/{id}", bookTask(book, "reviewTaskBook").getId())
            .with(as(IssuedItemFixture.REVIEWER)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(html).contains("已将指标量化为平均住院日6.5天");
  }

  @Test
  void aTaskAssignedToOnePersonOffersNoReturnToTheGroup() throws Exception {
    // Given the issuer's own draft task
    TaskBook book = fixture.draft("个人任务不退回");
    String html = mvc.perform(get("/tasks/{id}", bookTask(book, "draftTaskBook").getId())
            .with(as(IssuedItemFixture.ISSUER)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    // Then the page has no "return to the group" action
    assertThat(html).doesNotContain("/unclaim");
  }
}
