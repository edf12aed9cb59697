package org.duban.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IndicatorEvaluatorTest {

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static Indicator indicator(IndicatorDirection direction, String baseline, String target) {
    WorkItem item = new WorkItem(null, null, "1", "t", null, null, null, null, null);
    return item.addIndicator(
        "指标",
        null,
        direction,
        baseline == null ? null : d(baseline),
        target == null ? null : d(target));
  }

  @Test
  void aLowerIsBetterReadingBehindTheLineIsOffScheduleThoughNotYetRequiredToMeetTheTarget() {
    // Given 平均住院日 from 7.2 to ≤ 6.5 days, half-way through the year the line stands at 6.85
    Indicator stay = indicator(IndicatorDirection.LE, "7.2", "6.5");
    // When 7.0 days is reported
    IndicatorEvaluation behind = IndicatorEvaluator.evaluate(stay, d("7.0"), 2026, 0.5);
    // Then it misses the target and is behind schedule
    assertThat(behind.expected()).isEqualByComparingTo("6.85");
    assertThat(behind.met()).isFalse();
    assertThat(behind.onSchedule()).isFalse();
    // while 6.8 days is ahead of the line
    assertThat(IndicatorEvaluator.evaluate(stay, d("6.8"), 2026, 0.5).onSchedule()).isTrue();
  }

  @Test
  void aHigherIsBetterReadingIsJudgedAgainstTheRisingLine() {
    // 满意度 from 96 to > 98: a quarter in, the line is at 96.5
    Indicator satisfaction = indicator(IndicatorDirection.GT, "96", "98");
    assertThat(IndicatorEvaluator.evaluate(satisfaction, d("96.6"), 2026, 0.25).onSchedule())
        .isTrue();
    assertThat(IndicatorEvaluator.evaluate(satisfaction, d("96.4"), 2026, 0.25).onSchedule())
        .isFalse();
    assertThat(IndicatorEvaluator.evaluate(satisfaction, d("98.2"), 2026, 0.25).met()).isTrue();
  }

  @Test
  void anEqualityTargetIsOnScheduleWhenAtLeastAsCloseAsTheLine() {
    Indicator coverage = indicator(IndicatorDirection.EQ, "80", "100");
    assertThat(IndicatorEvaluator.evaluate(coverage, d("92"), 2026, 0.5).onSchedule()).isTrue();
    assertThat(IndicatorEvaluator.evaluate(coverage, d("88"), 2026, 0.5).onSchedule()).isFalse();
  }

  @Test
  void aTrendIsMetByMovingFromTheBaselineAndHasNoLine() {
    Indicator decline = indicator(IndicatorDirection.DECREASE, "7.2", null);
    IndicatorEvaluation evaluation = IndicatorEvaluator.evaluate(decline, d("7.0"), 2026, 0.5);
    assertThat(evaluation.met()).isTrue();
    assertThat(evaluation.onSchedule()).isTrue();
    assertThat(evaluation.expected()).isNull();
    assertThat(IndicatorEvaluator.evaluate(decline, d("7.3"), 2026, 0.5).onSchedule()).isFalse();
  }

  @Test
  void aTermBookJudgesEachYearAgainstThatYearsTarget() {
    // Given a 2026-2029 term target of 3-5 national projects: 1 in 2026, 2 in 2027, 3 at the end
    Indicator projects = indicator(IndicatorDirection.GE, "0", "3");
    projects.setYearTarget(2026, d("1"));
    projects.setYearTarget(2027, d("2"));
    // Then one project meets 2026 but not 2027, and a year without its own target uses the final
    // one
    assertThat(IndicatorEvaluator.evaluate(projects, d("1"), 2026, 1).met()).isTrue();
    assertThat(IndicatorEvaluator.evaluate(projects, d("1"), 2027, 1).met()).isFalse();
    assertThat(IndicatorEvaluator.evaluate(projects, d("2"), 2029, 1).target())
        .isEqualByComparingTo("3");
    assertThat(IndicatorEvaluator.evaluate(projects, d("2"), 2029, 1).met()).isFalse();
  }

  @Test
  void anIndicatorNeedsATargetOrForATrendABaseline() {
    assertThatThrownBy(() -> indicator(IndicatorDirection.LE, "7.2", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> indicator(IndicatorDirection.INCREASE, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
