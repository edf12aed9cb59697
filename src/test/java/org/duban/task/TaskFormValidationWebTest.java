package org.duban.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.Page;
import org.duban.WebTestSupport;
import org.duban.book.ItemStage;
import org.duban.book.WorkItemRepository;
import org.duban.checkin.CheckInRepository;
import org.duban.checkin.CheckInRounds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task form submitted with invalid input is shown again with the message beside the field, and
 * nothing is recorded: the task stays open and unclaimed, the item keeps its stage. Only a valid
 * submission completes the task.
 */
class TaskFormValidationWebTest extends WebTestSupport {

  @Autowired WorkItemRepository items;
  @Autowired CheckInRounds checkInRounds;
  @Autowired CheckInRepository checkIns;

  @Test
  void claimFormRefusesMissingForgedAndIncompleteDecisionsAndThenAcceptsAValidOne()
      throws Exception {
    // Given an issued item waiting for 测试医务部 to claim it
    IssuedItem item = fixture.issuedItem("表单校验认领");
    String taskId = fixture.openTask(item, "claimItem").getId();

    // When the department head opens the task, Then the claim form is shown
    Page form =
        Page.of(
            mvc.perform(get("/tasks/{id}", taskId).with(as("tmedhead")))
                .andExpect(status().isOk())
                .andExpect(view().name("tasks/task"))
                .andReturn());
    assertThat(form.hasControl("claimDecision")).isTrue();
    assertThat(form.hasControl("disputeReason")).isTrue();
    assertThat(form.allFieldErrors()).isEmpty();

    // When the form is posted without a decision
    Page missing =
        Page.of(
            mvc.perform(
                    post("/tasks/{id}", taskId)
                        .with(as("tmedhead"))
                        .with(csrf())
                        .param("disputeReason", ""))
                .andExpect(status().isOk())
                .andExpect(view().name("tasks/task"))
                .andReturn());
    // Then the required message stands beside the decision, and nothing changed
    assertThat(missing.errorsBeside("claimDecision")).containsExactly("此项为必填");
    assertNothingRecorded(item, taskId);

    // When "dispute" is chosen without a reason
    Page noReason =
        Page.of(
            mvc.perform(
                    post("/tasks/{id}", taskId)
                        .with(as("tmedhead"))
                        .with(csrf())
                        .param("claimDecision", "dispute")
                        .param("disputeReason", "  "))
                .andExpect(status().isOk())
                .andExpect(view().name("tasks/task"))
                .andReturn());
    // Then the handler's message stands beside the reason, the choice is kept, and nothing changed
    assertThat(noReason.errorsBeside("disputeReason")).containsExactly("请填写此项");
    assertThat(noReason.errorsBeside("claimDecision")).isEmpty();
    assertThat(noReason.html()).containsPattern("value=\"dispute\"[^>]*checked");
    assertNothingRecorded(item, taskId);

    // When a value that is not one of the options is forged
    Page forged =
        Page.of(
            mvc.perform(
                    post("/tasks/{id}", taskId)
                        .with(as("tmedhead"))
                        .with(csrf())
                        .param("claimDecision", "hack"))
                .andExpect(status().isOk())
                .andExpect(view().name("tasks/task"))
                .andReturn());
    // Then it is refused beside the decision, and nothing changed
    assertThat(forged.errorsBeside("claimDecision")).containsExactly("请选择列表中的选项");
    assertNothingRecorded(item, taskId);

    // When the department claims the item
    mvc.perform(
            post("/tasks/{id}", taskId)
                .with(as("tmedhead"))
                .with(csrf())
                .param("claimDecision", "claim")
                .param("disputeReason", ""))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/tasks"));

    // Then the task is completed, the item is claimed and waits for its breakdown
    assertThat(currentTask(taskId)).isNull();
    assertThat(items.findById(item.itemId()).orElseThrow().getStage())
        .isEqualTo(ItemStage.BREAKDOWN);
    assertThat(fixture.openTask(item, "breakDownItem")).isNotNull();
  }

  @Test
  void checkInAboveOneHundredPercentIsRefusedAndRecordsNothing() throws Exception {
    // Given an issued item and an open monthly check-in round
    IssuedItem item = fixture.issuedItem("表单校验填报");
    checkInRounds.openNow("tducha");
    String taskId = fixture.openCheckInTask(item).getId();

    // When the department reports 150 percent done
    Page page =
        Page.of(
            mvc.perform(
                    post("/tasks/{id}", taskId)
                        .with(as("tmedhead"))
                        .with(csrf())
                        .param("percentDone", "150")
                        .param("readings[0].value", "7.0")
                        .param("narrative", "按计划推进")
                        .param("obstacles", ""))
                .andExpect(status().isOk())
                .andExpect(view().name("tasks/task"))
                .andReturn());

    // Then the maximum is shown beside the percentage, and no check-in is recorded
    assertThat(page.errorsBeside("percentDone")).containsExactly("不能大于 100");
    assertThat(checkIns.findByWorkItemIdOrderByPeriodDesc(item.itemId())).isEmpty();
    assertThat(currentTask(taskId)).isNotNull();
    assertThat(currentTask(taskId).getAssignee()).isNull();
    assertThat(items.findById(item.itemId()).orElseThrow().getPercentDone()).isZero();

    // When the same report is sent with 30 percent
    mvc.perform(
            post("/tasks/{id}", taskId)
                .with(as("tmedhead"))
                .with(csrf())
                .param("percentDone", "30")
                .param("readings[0].value", "7.0")
                .param("narrative", "按计划推进")
                .param("obstacles", ""))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/tasks"));

    // Then it is recorded and the task completed
    assertThat(checkIns.findByWorkItemIdOrderByPeriodDesc(item.itemId()))
        .singleElement()
        .satisfies(c -> assertThat(c.getPercentDone()).isEqualTo(30));
    assertThat(currentTask(taskId)).isNull();
  }

  private void assertNothingRecorded(IssuedItem item, String taskId) {
    Task task = currentTask(taskId);
    assertThat(task).as("claim task still open").isNotNull();
    assertThat(task.getAssignee()).as("claim task still unclaimed").isNull();
    assertThat(items.findById(item.itemId()).orElseThrow().getStage())
        .isEqualTo(ItemStage.AWAITING_CLAIM);
  }
}
