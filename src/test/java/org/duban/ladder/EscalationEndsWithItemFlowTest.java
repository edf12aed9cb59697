package org.duban.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.RunningAppTest;
import org.duban.TestClock;
import org.duban.TestHospital;
import org.duban.book.DepartmentWorkService;
import org.duban.book.Light;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.ItemHistory;
import org.duban.rectification.RectificationRepository;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Issue 15 points 8 and 9 on the real services and models: an item that closes ends its escalation
 * (the owner of the closing tells it; the history says why), and the leader's follow-up names the
 * deadline that was actually missed.
 */
@RunningAppTest
class EscalationEndsWithItemFlowTest {

  @Autowired EscalationSteps steps;
  @Autowired IssuedItemFixture fixture;
  @Autowired TestHospital hospital;
  @Autowired EscalationLadder ladder;
  @Autowired EscalationTasks escalationTasks;
  @Autowired DepartmentWorkService departmentWork;
  @Autowired WorkTasks workTasks;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired EscalationRepository escalations;
  @Autowired ItemHistory history;
  @Autowired RectificationRepository rectifications;

  @AfterEach
  void reset() {
    TestClock.reset();
    LocaleContextHolder.resetLocaleContext();
  }

  static void clock(String localDateTime) {
    TestClock.at(localDateTime);
  }

  @Test
  void anItemAcceptedWhileItsPlanIsAwaitedEndsItsEscalationAndItsHistorySaysWhy() {
    clock("2026-06-08T08:30");
    Long item = fixture.issuedItem("危急值报告及时率提升").itemId();
    String key = "item-" + item;
    ladder.onWeeklyLight(item, Light.RED);
    complete(
        steps.single(key, "triageEscalation"),
        "tducha",
        Map.of(
            "triageDecision",
            "notice",
            "noticeRequirement",
            "请于期限内提交整改方案",
            "noticeDeadline",
            LocalDate.parse("2026-06-12")));
    assertThat(steps.single(key, "submitRectificationPlan")).isNotNull();
    Escalation escalation = escalations.findByOpenItemId(item).orElseThrow();

    // When the item is accepted and closed (what the department-work process's last step does)
    departmentWork.close(item);

    // Then its escalation has ended: no instance, no task, no timer chases the closed item
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("escalation")
                .processInstanceBusinessKey(key)
                .count())
        .isZero();
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(key)
                .processDefinitionKey("escalation")
                .count())
        .isZero();
    assertThat(escalations.findById(escalation.getId()).orElseThrow().getStatus())
        .isEqualTo(Escalation.Status.ITEM_CLOSED);
    assertThat(escalations.findByOpenItemId(item)).isEmpty();
    assertThat(rectifications.findByEscalationId(escalation.getId()).orElseThrow().isOpen())
        .as("the rectification no longer counts as open")
        .isFalse();
    // and the item's history says why
    assertThat(history.ofItem(item))
        .extracting(ItemEvent::getKind)
        .endsWith("ITEM_CLOSED", "ESCALATION_ENDED_ITEM_ACCEPTED");
  }

  @Test
  void theLeaderFollowUpNamesTheDeadlineThatWasMissed() {
    LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    clock("2026-02-24T08:30");
    Long item = fixture.issuedItem("出院患者随访率提升").itemId();
    String key = "item-" + item;
    ladder.onWeeklyLight(item, Light.RED);
    complete(
        steps.single(key, "triageEscalation"),
        "tducha",
        Map.of(
            "triageDecision",
            "notice",
            "noticeRequirement",
            "请于期限内提交整改方案",
            "noticeDeadline",
            LocalDate.parse("2026-02-28")));

    // When the plan deadline of Saturday the 28th (a worked day, 调休) passes, the ladder climbs to
    // red
    clock("2026-03-02T09:01");
    steps.runDueJobs(key);
    Task followUp = steps.single(key, "leaderFollowUp");

    // Then the leader reads which step missed which date, not a generic text
    Object text = escalationTasks.prefill(followUp, null).get("missedDeadline");
    assertThat(text)
        .asString()
        .contains("整改方案")
        .contains("2026-02-28")
        .contains("2026-03-02 09:00");
  }

  private void complete(Task task, String username, Map<String, Object> values) {
    workTasks.complete(task.getId(), new HashMap<>(values), hospital.user(username));
  }
}
