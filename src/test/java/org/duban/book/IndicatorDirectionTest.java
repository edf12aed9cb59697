package org.duban.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IndicatorDirectionTest {

  private static boolean met(IndicatorDirection direction, String reading, String target) {
    return direction.isMet(new BigDecimal(reading), new BigDecimal(target));
  }

  private static boolean trendMet(IndicatorDirection direction, String reading, String baseline) {
    return direction.isMet(new BigDecimal(reading), null, new BigDecimal(baseline));
  }

  @Test
  void averageLengthOfStayAtMostTarget() {
    assertThat(met(IndicatorDirection.LE, "6.5", "6.5")).isTrue();
    assertThat(met(IndicatorDirection.LE, "6.6", "6.5")).isFalse();
  }

  @Test
  void drugShareBelowTargetIsStrict() {
    assertThat(met(IndicatorDirection.LT, "24.9", "25")).isTrue();
    assertThat(met(IndicatorDirection.LT, "25.0", "25")).isFalse();
  }

  @Test
  void satisfactionAboveTargetIsStrict() {
    assertThat(met(IndicatorDirection.GT, "98.1", "98")).isTrue();
    assertThat(met(IndicatorDirection.GT, "98", "98.00")).isFalse();
  }

  @Test
  void atLeastAndEqualCompareValuesNotScale() {
    assertThat(met(IndicatorDirection.GE, "3", "3.0")).isTrue();
    assertThat(met(IndicatorDirection.GE, "2", "3")).isFalse();
    assertThat(met(IndicatorDirection.EQ, "100", "100.00")).isTrue();
    assertThat(met(IndicatorDirection.EQ, "99", "100")).isFalse();
  }

  @Test
  void continuingDeclineIsMetBelowTheBaseline() {
    // 平均住院日继续下降 from 7.2 days
    assertThat(trendMet(IndicatorDirection.DECREASE, "7.1", "7.2")).isTrue();
    assertThat(trendMet(IndicatorDirection.DECREASE, "7.2", "7.2")).isFalse();
  }

  @Test
  void continuingRiseIsMetAboveTheBaseline() {
    // 四级手术比例持续提升 from 18.5%
    assertThat(trendMet(IndicatorDirection.INCREASE, "18.6", "18.5")).isTrue();
    assertThat(trendMet(IndicatorDirection.INCREASE, "18.4", "18.5")).isFalse();
  }

  @Test
  void aTrendWithoutBaselineIsNeverMet() {
    assertThat(IndicatorDirection.INCREASE.isMet(BigDecimal.TEN, null, null)).isFalse();
  }
}
