package org.duban.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RunningAppTest
class CheckInRoundTest {

  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired CheckInRounds rounds;
  @Autowired TaskService taskService;
  @Autowired WorkTasks workTasks;

  @BeforeEach
  void hospital() {
    hospital.ensure();
  }

  private List<Task> checkInTasksOf(IssuedItem item) {
    return taskService.createTaskQuery().taskDefinitionKey("submitCheckIn").list().stream()
        .filter(t -> item.itemId().equals(taskService.getVariable(t.getId(), "workItemId")))
        .toList();
  }

  @Test
  void aRoundOpenedAgainInTheSameMonthAsksNoItemTwice() {
    // Given an item with an open check-in task of this month's round
    IssuedItem item = fixture.issuedItem("重复开启填报");
    rounds.openNow("tducha");
    assertThat(checkInTasksOf(item)).hasSize(1);

    // When the office opens the round again, before and after the department reports
    rounds.openNow("tducha");
    assertThat(checkInTasksOf(item)).hasSize(1);
    workTasks.complete(
        checkInTasksOf(item).get(0).getId(),
        Map.of("percentDone", BigDecimal.TEN, "narrative", "按计划推进"),
        hospital.user("tmedhead"));
    rounds.openNow("tducha");

    // Then the item never has a second task it could not complete
    assertThat(checkInTasksOf(item)).isEmpty();
  }
}
