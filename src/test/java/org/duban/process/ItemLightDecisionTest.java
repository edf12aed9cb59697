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

/** The {@code itemLight} decision table (docs/processes.md section 4): every rule and every threshold. */
@Deployment(resources = "processes/item-light.dmn")
class ItemLightDecisionTest extends ProcessTestSupport {

  static final String[] REASONS = {
      null,
      "已超过完成时限仍未完成",
      "两次及以上未按时填报月度进展",
      "进度落后序时进度30个百分点及以上",
      "有一次未按时填报月度进展",
      "进度落后序时进度10个百分点及以上",
      "距完成时限不足30天且完成不足80%",
      "超过45天未更新进展",
      "按计划推进"};

  /** Facts of an item that is on track: no rule but the last one matches. */
  static Facts onTrack() {
    return new Facts(50, 50, 10, 0, 100);
  }

  /** The decision's input; progressGap is derived as the contract defines it. */
  record Facts(Integer expected, Integer reported, Integer daysSinceLastCheckIn, Integer missedCheckIns,
      Integer daysToDeadline) {

    Facts progress(int newExpected, int newReported) {
      return new Facts(newExpected, newReported, daysSinceLastCheckIn, missedCheckIns, daysToDeadline);
    }

    Facts silentFor(int days) {
      return new Facts(expected, reported, days, missedCheckIns, daysToDeadline);
    }

    Facts missed(int count) {
      return new Facts(expected, reported, daysSinceLastCheckIn, count, daysToDeadline);
    }

    Facts dueIn(Integer days) {
      return new Facts(expected, reported, daysSinceLastCheckIn, missedCheckIns, days);
    }

    Map<String, Object> variables() {
      Map<String, Object> variables = new HashMap<>();
      variables.put("expectedProgress", expected);
      variables.put("reportedProgress", reported);
      variables.put("progressGap", expected - reported);
      variables.put("daysSinceLastCheckIn", daysSinceLastCheckIn);
      variables.put("missedCheckIns", missedCheckIns);
      variables.put("daysToDeadline", daysToDeadline);
      return variables;
    }
  }

  static Stream<Arguments> rulesAndThresholds() {
    return Stream.of(
        // rule 1: daysToDeadline < 0 and reportedProgress < 100
        Arguments.of("1: a day overdue and unfinished", onTrack().progress(95, 90).dueIn(-1), "RED", 1),
        Arguments.of("1: due today is not overdue", onTrack().progress(95, 90).dueIn(0), "GREEN", 8),
        Arguments.of("1: overdue but finished", onTrack().progress(100, 100).dueIn(-1), "GREEN", 8),
        // rule 2: missedCheckIns >= 2
        Arguments.of("2: two missed check-ins", onTrack().missed(2), "RED", 2),
        Arguments.of("2: one missed check-in is only yellow", onTrack().missed(1), "YELLOW", 4),
        // rule 3: progressGap >= 30
        Arguments.of("3: 30 points behind", onTrack().progress(60, 30), "RED", 3),
        Arguments.of("3: 29 points behind is only yellow", onTrack().progress(60, 31), "YELLOW", 5),
        // rule 4: missedCheckIns >= 1
        Arguments.of("4: one missed check-in", onTrack().missed(1), "YELLOW", 4),
        Arguments.of("4: no missed check-in", onTrack().missed(0), "GREEN", 8),
        // rule 5: progressGap >= 10
        Arguments.of("5: 10 points behind", onTrack().progress(60, 50), "YELLOW", 5),
        Arguments.of("5: 9 points behind", onTrack().progress(59, 50), "GREEN", 8),
        // rule 6: daysToDeadline <= 30 and reportedProgress < 80
        Arguments.of("6: 30 days left at 79%", onTrack().progress(79, 79).dueIn(30), "YELLOW", 6),
        Arguments.of("6: 31 days left at 79%", onTrack().progress(79, 79).dueIn(31), "GREEN", 8),
        Arguments.of("6: 30 days left at 80%", onTrack().progress(80, 80).dueIn(30), "GREEN", 8),
        // rule 7: daysSinceLastCheckIn > 45
        Arguments.of("7: silent for 46 days", onTrack().silentFor(46), "YELLOW", 7),
        Arguments.of("7: silent for 45 days", onTrack().silentFor(45), "GREEN", 8),
        // rule 8: otherwise
        Arguments.of("8: on track", onTrack(), "GREEN", 8),
        // hit policy FIRST: the earlier rule gives the reason
        Arguments.of("first: overdue beats missed and behind",
            onTrack().progress(90, 50).missed(2).dueIn(-5), "RED", 1),
        Arguments.of("first: missed twice beats behind", onTrack().progress(90, 50).missed(2), "RED", 2),
        Arguments.of("first: red gap beats one missed", onTrack().progress(90, 50).missed(1), "RED", 3),
        Arguments.of("first: one missed beats yellow gap", onTrack().progress(60, 50).missed(1), "YELLOW", 4),
        Arguments.of("first: yellow gap beats near deadline",
            onTrack().progress(70, 60).dueIn(10).silentFor(60), "YELLOW", 5),
        Arguments.of("first: near deadline beats silence", onTrack().progress(70, 70).dueIn(10).silentFor(60),
            "YELLOW", 6),
        // an item without a deadline matches no deadline rule
        Arguments.of("no deadline", onTrack().dueIn(null), "GREEN", 8));
  }

  @ParameterizedTest(name = "rule {0}")
  @MethodSource("rulesAndThresholds")
  void ratesTheItemByTheFirstMatchingRule(String description, Facts facts, String light, int rule) {
    // Given the facts of one item
    Map<String, Object> variables = facts.variables();

    // When the decision is evaluated
    DmnDecisionResultEntries result = decisionService().evaluateDecisionByKey("itemLight")
        .variables(variables).evaluate().getSingleResult();

    // Then it gives the light and the reason of the expected rule, and nothing else
    assertThat(result).as(description).isNotNull();
    assertThat(result.getEntryMap()).as(description)
        .containsOnlyKeys("light", "reason")
        .containsEntry("light", light)
        .containsEntry("reason", REASONS[rule]);
  }

  @Test
  void decisionIsDeployedWithItsNameAndTenYearsOfHistory() {
    // Given the deployed decision, Then
    DecisionDefinition definition = repositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey("itemLight").singleResult();
    assertThat(definition.getName()).isEqualTo("红黄绿灯规则");
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
  }
}
