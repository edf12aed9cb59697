package org.duban.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.RunningAppTest;
import org.duban.TestClock;
import org.duban.TestHospital;
import org.duban.book.ItemStates;
import org.duban.book.Light;
import org.duban.book.WorkItemRepository;
import org.duban.infrastructure.EngineClock;
import org.duban.notification.InboxEntryRepository;
import org.duban.notification.MessageKind;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A red item's supervision notice starts at the yellow rung (黄色督办); its inbox message says that the
 * colour is the rung of the ladder, not the item's light, and names the item's red light.
 */
@RunningAppTest
class NoticeRungNotLightTest {

  @Autowired IssuedItemFixture fixture;
  @Autowired TestHospital hospital;
  @Autowired EscalationLadder ladder;
  @Autowired WorkTasks workTasks;
  @Autowired TaskService taskService;
  @Autowired WorkItemRepository workItems;
  @Autowired InboxEntryRepository inbox;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void aRedItemsYellowNoticeSaysTheColourIsTheRungNotTheLight() {
    // Given an item the weekly sweep lit red on Monday 2 March 2026
    TestClock.at("2026-03-02T08:30");
    Long item = fixture.issuedItem("亮红灯的督办事项").itemId();
    transactions.executeWithoutResult(
        tx ->
            ItemStates.lit(
                workItems.findById(item).orElseThrow(), Light.RED, "进度落后序时进度", EngineClock.now()));
    ladder.onWeeklyLight(item, Light.RED);

    // When the office triages it and issues the notice (a red item starts at the yellow rung)
    List<Task> triage =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey("item-" + item)
            .taskDefinitionKey("triageEscalation")
            .list();
    assertThat(triage).hasSize(1);
    workTasks.complete(
        triage.get(0).getId(),
        new HashMap<>(
            Map.of(
                "triageDecision",
                "notice",
                "noticeRequirement",
                "请于期限内提交整改方案",
                "noticeDeadline",
                LocalDate.parse("2026-03-06"))),
        hospital.user("tducha"));

    // Then the lead department's message names the rung and says it is not the item's light, which
    // is red
    assertThat(
            inbox.newestFirst("tmedhead", MessageKind.NOTICE, PageRequest.of(0, 200)).stream()
                .filter(e -> item.equals(e.getMessage().getWorkItemId()))
                .map(e -> e.getMessage().getTitle()))
        .singleElement()
        .asString()
        .startsWith("【黄色督办】")
        .contains("（督办等级，非事项红黄绿灯；事项当前为红灯）")
        .endsWith(" 亮红灯的督办事项");
  }
}
