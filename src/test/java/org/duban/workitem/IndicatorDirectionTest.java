package org.duban.workitem;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IndicatorDirectionTest {

  private static boolean met(IndicatorDirection direction, String reading, String target) {
    return direction.isMet(new BigDecimal(reading), new BigDecimal(target));
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
}
