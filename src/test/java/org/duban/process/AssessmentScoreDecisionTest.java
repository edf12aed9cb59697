package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;

import java.math.BigDecimal;
import org.camunda.bpm.engine.test.Deployment;
import org.duban.assessment.Completion;
import org.duban.assessment.ItemFacts;
import org.duban.assessment.ItemScore;
import org.duban.assessment.ScoringRules;
import org.junit.jupiter.api.Test;

/**
 * The {@code assessmentScore} decision table (processes/assessment-score.dmn), evaluated by the
 * engine as Duban evaluates it: every rule, its points and its reason, and the sum kept between 0
 * and 100.
 */
@Deployment(resources = "processes/assessment-score.dmn")
class AssessmentScoreDecisionTest extends ProcessTestSupport {

  ItemScore score(Completion completion, int attainment, int open, int signedOff, int missed) {
    return new ScoringRules(decisionService())
        .score(new ItemFacts(completion, attainment, open, signedOff, missed));
  }

  static BigDecimal points(String value) {
    return new BigDecimal(value).setScale(2);
  }

  @Test
  void onTimeWithEveryIndicatorMetScoresFullMarks() {
    ItemScore score = score(Completion.ON_TIME, 100, 0, 0, 0);

    assertThat(score.rules()).containsExactly("ON_TIME", "INDICATORS_MET");
    assertThat(score.points()).isEqualTo(points("100"));
    assertThat(score.reasonText()).isEqualTo("在完成时限前完成（按期完成）（+60）；指标全部达成（+40）");
  }

  @Test
  void closedAfterTheDeadlineScoresLessThanOnTime() {
    ItemScore score = score(Completion.LATE, 100, 0, 0, 0);

    assertThat(score.rules()).containsExactly("LATE", "INDICATORS_MET");
    assertThat(score.points()).isEqualTo(points("80"));
    assertThat(score.reasons().get(0).text()).isEqualTo("已完成但晚于完成时限");
  }

  @Test
  void notCompletedGetsNoCompletionPointsAndNeverTheFullIndicatorPoints() {
    ItemScore score = score(Completion.OPEN, 100, 0, 0, 0);

    assertThat(score.rules()).containsExactly("NOT_DONE", "INDICATORS_MET_NOT_DONE");
    assertThat(score.points()).isEqualTo(points("20"));
    assertThat(score.reasons().get(0).text()).isEqualTo("考核时仍未完成");
    assertThat(score.reasons().get(1).text()).isEqualTo("指标全部达成，但事项未完成，指标分计一半");
  }

  @Test
  void anUnfinishedItemWithoutIndicatorsGetsNoIndicatorPoints() {
    ItemScore score = score(Completion.OPEN, -1, 0, 0, 0);

    assertThat(score.rules()).containsExactly("NOT_DONE", "NO_INDICATORS_NOT_DONE");
    assertThat(score.points()).isEqualTo(points("0"));
  }

  @Test
  void aClosedItemWithoutReadingsIsScoredFromItsAcceptedCompletionReport() {
    ItemScore onTime = score(Completion.ON_TIME, ItemFacts.NO_READINGS, 0, 0, 0);
    assertThat(onTime.rules()).containsExactly("ON_TIME", "NO_READINGS");
    assertThat(onTime.points()).isEqualTo(points("100"));
    assertThat(onTime.reasonText())
        .contains("指标无读数，按验收通过的完成报告计指标分（+40）")
        .doesNotContain("达成率不足60%");

    assertThat(score(Completion.LATE, ItemFacts.NO_READINGS, 0, 0, 0).points())
        .isEqualTo(points("80"));
  }

  @Test
  void anOpenItemWithoutReadingsIsShownAsNoReadingsNotAsAMissedTarget() {
    ItemScore score = score(Completion.OPEN, ItemFacts.NO_READINGS, 0, 0, 0);

    assertThat(score.rules()).containsExactly("NOT_DONE", "NO_READINGS_NOT_DONE");
    assertThat(score.points()).isEqualTo(points("0"));
    assertThat(score.reasonText()).contains("无读数").doesNotContain("达成率不足60%");
  }

  @Test
  void indicatorAttainmentThresholds() {
    assertThat(score(Completion.ON_TIME, 99, 0, 0, 0).rules())
        .containsExactly("ON_TIME", "INDICATORS_MOSTLY");
    assertThat(score(Completion.ON_TIME, 99, 0, 0, 0).points()).isEqualTo(points("85"));
    assertThat(score(Completion.ON_TIME, 60, 0, 0, 0).rules())
        .containsExactly("ON_TIME", "INDICATORS_MOSTLY");
    assertThat(score(Completion.ON_TIME, 59, 0, 0, 0).rules())
        .containsExactly("ON_TIME", "INDICATORS_LOW");
    assertThat(score(Completion.ON_TIME, 59, 0, 0, 0).points()).isEqualTo(points("60"));
    assertThat(score(Completion.ON_TIME, 0, 0, 0, 0).rules())
        .containsExactly("ON_TIME", "INDICATORS_LOW");
  }

  @Test
  void anItemWithoutIndicatorsGetsTheIndicatorPoints() {
    ItemScore score = score(Completion.ON_TIME, -1, 0, 0, 0);

    assertThat(score.rules()).containsExactly("ON_TIME", "NO_INDICATORS");
    assertThat(score.points()).isEqualTo(points("100"));
  }

  @Test
  void anOpenRectificationDeductsTenAndASignedOffOneTwo() {
    assertThat(score(Completion.ON_TIME, 100, 1, 0, 0).rules())
        .containsExactly("ON_TIME", "INDICATORS_MET", "RECTIFICATION_OPEN");
    assertThat(score(Completion.ON_TIME, 100, 1, 0, 0).points()).isEqualTo(points("90"));
    assertThat(score(Completion.ON_TIME, 100, 0, 2, 0).rules())
        .containsExactly("ON_TIME", "INDICATORS_MET", "RECTIFICATION_SIGNED_OFF");
    assertThat(score(Completion.ON_TIME, 100, 0, 2, 0).points()).isEqualTo(points("98"));
    assertThat(score(Completion.ON_TIME, 100, 1, 1, 0).points()).isEqualTo(points("88"));
  }

  @Test
  void eachMissedCheckInDeductsTwoAndTheReasonCountsThem() {
    ItemScore score = score(Completion.ON_TIME, 100, 0, 0, 3);

    assertThat(score.rules()).containsExactly("ON_TIME", "INDICATORS_MET", "MISSED_CHECK_INS");
    assertThat(score.points()).isEqualTo(points("94"));
    assertThat(score.reasons().get(2).text()).isEqualTo("未按时填报月度进展3次，每次扣2分");
    assertThat(score.reasonText()).endsWith("未按时填报月度进展3次，每次扣2分（-6）");
  }

  @Test
  void theSumNeverFallsBelowZero() {
    ItemScore score = score(Completion.OPEN, 0, 2, 1, 12);

    assertThat(score.points()).isEqualTo(points("0"));
    assertThat(score.rules())
        .containsExactly(
            "NOT_DONE",
            "INDICATORS_LOW",
            "RECTIFICATION_OPEN",
            "RECTIFICATION_SIGNED_OFF",
            "MISSED_CHECK_INS");
  }
}
