package org.duban.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.WebTestSupport;
import org.duban.book.TaskBook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task that comes round again starts blank, and only group tasks offer to go back to the group.
 */
class TaskPageRoundsWebTest extends WebTestSupport {

  @Autowired WorkTasks workTasks;

  private Task bookTask(TaskBook book, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(book.getProcessInstanceId())
        .taskDefinitionKey(key)
        .singleResult();
  }

  /** A draft submitted, sent back by the reviewer, and revised with a note: back in review. */
  private TaskBook sentBackAndRevised(String title, String revisionNote) {
    TaskBook book = fixture.draft(title);
    fixture.addItem(book, "1", "事项");
    workTasks.complete(
        bookTask(book, "draftTaskBook").getId(), Map.of(), hospital.user(IssuedItemFixture.ISSUER));
    workTasks.complete(
        bookTask(book, "reviewTaskBook").getId(),
        Map.of("reviewDecision", "sendBack", "reviewComment", "请量化指标"),
        hospital.user(IssuedItemFixture.REVIEWER));
    workTasks.complete(
        bookTask(book, "reviseTaskBook").getId(),
        Map.of("revisionNote", revisionNote),
        hospital.user(IssuedItemFixture.ISSUER));
    return book;
  }

  @Test
  void aSecondReviewDoesNotPreSelectTheFirstReviewsDecision() throws Exception {
    // Given a draft sent back once and revised
    TaskBook book = sentBackAndRevised("二次审核不预选", "已量化");

    // When the reviewer opens the second review
    String html =
        mvc.perform(
                get("/tasks/{id}", bookTask(book, "reviewTaskBook").getId())
                    .with(as(IssuedItemFixture.REVIEWER)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    // Then the decisions are offered and none is chosen yet
    for (String decision : new String[] {"sendBack", "approve"}) {
      List<String> inputs = inputsWithValue(html, decision);
      assertThat(inputs).as("the %s choice", decision).isNotEmpty();
      assertThat(inputs)
          .as("the %s choice", decision)
          .noneMatch(input -> input.matches("(?s).*\\schecked\\b.*"));
    }
  }

  /** The input tags of the page with this value, whatever the order of their attributes. */
  static List<String> inputsWithValue(String html, String value) {
    return java.util.regex.Pattern.compile("<input\\b[^>]*>")
        .matcher(html)
        .results()
        .map(java.util.regex.MatchResult::group)
        .filter(tag -> tag.contains("value=\"" + value + "\""))
        .toList();
  }

  @Test
  void theReviewerSeesTheRevisionNoteAboveTheForm() throws Exception {
    // Given a draft sent back and revised with a note
    TaskBook book = sentBackAndRevised("审核看到修改说明", "已将指标量化为平均住院日6.5天");
    // When the reviewer opens the review, Then the issuer's note is there to decide on
    String html =
        mvc.perform(
                get("/tasks/{id}", bookTask(book, "reviewTaskBook").getId())
                    .with(as(IssuedItemFixture.REVIEWER)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("已将指标量化为平均住院日6.5天");
  }

  @Test
  void aTaskAssignedToOnePersonOffersNoReturnToTheGroup() throws Exception {
    // Given the issuer's own draft task
    TaskBook book = fixture.draft("个人任务不退回");
    String html =
        mvc.perform(
                get("/tasks/{id}", bookTask(book, "draftTaskBook").getId())
                    .with(as(IssuedItemFixture.ISSUER)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    // Then the page has no "return to the group" action
    assertThat(html).doesNotContain("/unclaim");
  }

  @Test
  void aGroupTaskTakenByOnePersonOffersTheReturnToTheGroup() throws Exception {
    // Given the review, a task of the reviewers' group, taken by one of them (the positive control
    // of the above)
    TaskBook book = sentBackAndRevised("组任务可退回", "已量化");
    Task review = bookTask(book, "reviewTaskBook");
    taskService.claim(review.getId(), IssuedItemFixture.REVIEWER);
    String html =
        mvc.perform(get("/tasks/{id}", review.getId()).with(as(IssuedItemFixture.REVIEWER)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    // Then the page offers to return it to the group
    assertThat(html).contains("/tasks/" + review.getId() + "/unclaim");
  }
}
