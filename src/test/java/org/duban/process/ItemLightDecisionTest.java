package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code itemLight} decision table (docs/processes.md section 4): every rule and every
 * threshold.
 */
@Deployment(resources = "processes/item-light.dmn")
class ItemLightDecisionTest extends ProcessTestSupport {

  /** Each rule's stable id, in the table's order, with its reason. */
  static final Map<String, String> REASONS =
      Map.ofEntries(
          Map.entry("OVERDUE", "已超过完成时限仍未完成"),
          Map.entry("MISSED_2", "两次及以上未按时填报月度进展"),
          Map.entry("GAP_30", "进度落后序时进度30个百分点及以上"),
          Map.entry("SUBTASKS_OVERDUE_2", "两个及以上子任务逾期未完成"),
          Map.entry("MISSED_1", "有一次未按时填报月度进展"),
          Map.entry("GAP_10", "进度落后序时进度10个百分点及以上"),
          Map.entry("SUBTASK_OVERDUE", "有子任务逾期未完成"),
          Map.entry("INDICATOR_OFF_TRACK", "有指标最新读数偏离目标进度"),
          Map.entry("DEADLINE_NEAR", "距完成时限不足30天且完成不足80%"),
          Map.entry("SILENT_45", "超过45天未更新进展"),
          Map.entry("ON_PLAN", "按计划推进"));

  /** Facts of an item that is on track: no rule but the last one matches. */
  static Facts onTrack() {
    return new Facts(50, 50, 10, 0, 100, 0, 0);
  }

  /** The decision's input; progressGap is derived as the contract defines it. */
  record Facts(
      Integer expected,
      Integer reported,
      Integer daysSinceLastCheckIn,
      Integer missedCheckIns,
      Integer daysToDeadline,
      Integer overdueSubTasks,
      Integer indicatorsOffTrack) {

    Facts progress(int newExpected, int newReported) {
      return new Facts(
          newExpected,
          newReported,
          daysSinceLastCheckIn,
          missedCheckIns,
          daysToDeadline,
          overdueSubTasks,
          indicatorsOffTrack);
    }

    Facts silentFor(int days) {
      return new Facts(
          expected,
          reported,
          days,
          missedCheckIns,
          daysToDeadline,
          overdueSubTasks,
          indicatorsOffTrack);
    }

    Facts missed(int count) {
      return new Facts(
          expected,
          reported,
          daysSinceLastCheckIn,
          count,
          daysToDeadline,
          overdueSubTasks,
          indicatorsOffTrack);
    }

    Facts dueIn(Integer days) {
      return new Facts(
          expected,
          reported,
          daysSinceLastCheckIn,
          missedCheckIns,
          days,
          overdueSubTasks,
          indicatorsOffTrack);
    }

    Facts subTasksOverdue(int count) {
      return new Facts(
          expected,
          reported,
          daysSinceLastCheckIn,
          missedCheckIns,
          daysToDeadline,
          count,
          indicatorsOffTrack);
    }

    Facts offTrack(int count) {
      return new Facts(
          expected,
          reported,
          daysSinceLastCheckIn,
          missedCheckIns,
          daysToDeadline,
          overdueSubTasks,
          count);
    }

    Map<String, Object> variables() {
      Map<String, Object> variables = new HashMap<>();
      variables.put("expectedProgress", expected);
      variables.put("reportedProgress", reported);
      variables.put("progressGap", expected - reported);
      variables.put("daysSinceLastCheckIn", daysSinceLastCheckIn);
      variables.put("missedCheckIns", missedCheckIns);
      variables.put("daysToDeadline", daysToDeadline);
      variables.put("overdueSubTasks", overdueSubTasks);
      variables.put("indicatorsOffTrack", indicatorsOffTrack);
      return variables;
    }
  }

  static Stream<Arguments> rulesAndThresholds() {
    return Stream.of(
        // OVERDUE: daysToDeadline < 0 and reportedProgress < 100
        Arguments.of(
            "a day overdue and unfinished", onTrack().progress(95, 90).dueIn(-1), "RED", "OVERDUE"),
        Arguments.of(
            "due today is not overdue", onTrack().progress(95, 90).dueIn(0), "GREEN", "ON_PLAN"),
        Arguments.of(
            "overdue but finished", onTrack().progress(100, 100).dueIn(-1), "GREEN", "ON_PLAN"),
        // MISSED_2: missedCheckIns >= 2
        Arguments.of("two missed check-ins", onTrack().missed(2), "RED", "MISSED_2"),
        Arguments.of(
            "one missed check-in is only yellow", onTrack().missed(1), "YELLOW", "MISSED_1"),
        // GAP_30: progressGap >= 30
        Arguments.of("30 points behind", onTrack().progress(60, 30), "RED", "GAP_30"),
        Arguments.of(
            "29 points behind is only yellow", onTrack().progress(60, 31), "YELLOW", "GAP_10"),
        // SUBTASKS_OVERDUE_2: overdueSubTasks >= 2
        Arguments.of(
            "two sub-tasks overdue", onTrack().subTasksOverdue(2), "RED", "SUBTASKS_OVERDUE_2"),
        Arguments.of(
            "one sub-task overdue is only yellow",
            onTrack().subTasksOverdue(1),
            "YELLOW",
            "SUBTASK_OVERDUE"),
        // MISSED_1: missedCheckIns >= 1
        Arguments.of("no missed check-in", onTrack().missed(0), "GREEN", "ON_PLAN"),
        // GAP_10: progressGap >= 10
        Arguments.of("10 points behind", onTrack().progress(60, 50), "YELLOW", "GAP_10"),
        Arguments.of("9 points behind", onTrack().progress(59, 50), "GREEN", "ON_PLAN"),
        // SUBTASK_OVERDUE: overdueSubTasks >= 1
        Arguments.of("no sub-task overdue", onTrack().subTasksOverdue(0), "GREEN", "ON_PLAN"),
        // INDICATOR_OFF_TRACK: indicatorsOffTrack >= 1
        Arguments.of(
            "one indicator off track", onTrack().offTrack(1), "YELLOW", "INDICATOR_OFF_TRACK"),
        Arguments.of(
            "three indicators off track are still yellow",
            onTrack().offTrack(3),
            "YELLOW",
            "INDICATOR_OFF_TRACK"),
        Arguments.of("no indicator off track", onTrack().offTrack(0), "GREEN", "ON_PLAN"),
        // DEADLINE_NEAR: daysToDeadline <= 30 and reportedProgress < 80
        Arguments.of(
            "30 days left at 79%", onTrack().progress(79, 79).dueIn(30), "YELLOW", "DEADLINE_NEAR"),
        Arguments.of(
            "31 days left at 79%", onTrack().progress(79, 79).dueIn(31), "GREEN", "ON_PLAN"),
        Arguments.of(
            "30 days left at 80%", onTrack().progress(80, 80).dueIn(30), "GREEN", "ON_PLAN"),
        // SILENT_45: daysSinceLastCheckIn > 45
        Arguments.of("silent for 46 days", onTrack().silentFor(46), "YELLOW", "SILENT_45"),
        Arguments.of("silent for 45 days", onTrack().silentFor(45), "GREEN", "ON_PLAN"),
        // ON_PLAN: otherwise
        Arguments.of("on track", onTrack(), "GREEN", "ON_PLAN"),
        // hit policy FIRST: the earlier rule gives the light, the rule and the reason
        Arguments.of(
            "overdue beats missed and behind",
            onTrack().progress(90, 50).missed(2).dueIn(-5),
            "RED",
            "OVERDUE"),
        Arguments.of(
            "missed twice beats behind", onTrack().progress(90, 50).missed(2), "RED", "MISSED_2"),
        Arguments.of(
            "red gap beats overdue sub-tasks",
            onTrack().progress(90, 50).subTasksOverdue(3),
            "RED",
            "GAP_30"),
        Arguments.of(
            "overdue sub-tasks beat one missed",
            onTrack().subTasksOverdue(2).missed(1),
            "RED",
            "SUBTASKS_OVERDUE_2"),
        Arguments.of(
            "red gap beats one missed", onTrack().progress(90, 50).missed(1), "RED", "GAP_30"),
        Arguments.of(
            "one missed beats yellow gap",
            onTrack().progress(60, 50).missed(1),
            "YELLOW",
            "MISSED_1"),
        Arguments.of(
            "yellow gap beats an overdue sub-task",
            onTrack().progress(60, 50).subTasksOverdue(1),
            "YELLOW",
            "GAP_10"),
        Arguments.of(
            "an overdue sub-task beats an indicator off track",
            onTrack().subTasksOverdue(1).offTrack(2),
            "YELLOW",
            "SUBTASK_OVERDUE"),
        Arguments.of(
            "an indicator off track beats near deadline",
            onTrack().progress(70, 70).dueIn(10).offTrack(1),
            "YELLOW",
            "INDICATOR_OFF_TRACK"),
        Arguments.of(
            "near deadline beats silence",
            onTrack().progress(70, 70).dueIn(10).silentFor(60),
            "YELLOW",
            "DEADLINE_NEAR"),
        // an item without a deadline matches no deadline rule
        Arguments.of("no deadline", onTrack().dueIn(null), "GREEN", "ON_PLAN"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rulesAndThresholds")
  void ratesTheItemByTheFirstMatchingRuleAndNamesIt(
      String description, Facts facts, String light, String rule) {
    // Given the facts of one item
    Map<String, Object> variables = facts.variables();

    // When the decision is evaluated
    DmnDecisionResultEntries result =
        decisionService()
            .evaluateDecisionByKey("itemLight")
            .variables(variables)
            .evaluate()
            .getSingleResult();

    // Then it gives the light, the id and the reason of the expected rule, and nothing else
    assertThat(result).as(description).isNotNull();
    assertThat(result.getEntryMap())
        .as(description)
        .containsOnlyKeys("light", "rule", "reason")
        .containsEntry("light", light)
        .containsEntry("rule", rule)
        .containsEntry("reason", REASONS.get(rule));
  }

  @Test
  void decisionIsDeployedWithItsNameAndTenYearsOfHistory() {
    // Given the deployed decision, Then
    DecisionDefinition definition =
        repositoryService()
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey("itemLight")
            .singleResult();
    assertThat(definition.getName()).isEqualTo("红黄绿灯规则");
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
  }
}
