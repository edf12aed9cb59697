package org.duban.book;

import java.math.BigDecimal;
import java.math.MathContext;

/** Judges indicator readings; pure, so that every direction is tested without a database. */
public final class IndicatorEvaluator {

  private IndicatorEvaluator() {}

  /**
   * @param year the year the reading belongs to, choosing the annual target of a term book
   * @param elapsed the share of the item's time that has passed, 0 to 1
   */
  public static IndicatorEvaluation evaluate(
      Indicator indicator, BigDecimal reading, int year, double elapsed) {
    IndicatorDirection direction = indicator.getDirection();
    BigDecimal baseline = indicator.getBaseline();
    BigDecimal target = direction.isTrend() ? null : indicator.targetFor(year);
    boolean met = direction.isMet(reading, target, baseline);
    BigDecimal expected = expectedValue(baseline, target, elapsed);
    boolean onSchedule =
        met || (expected != null && notBehind(direction, reading, expected, target));
    return new IndicatorEvaluation(reading, target, expected, met, onSchedule);
  }

  /** Where an indicator moving evenly from baseline to target stands after {@code elapsed}. */
  static BigDecimal expectedValue(BigDecimal baseline, BigDecimal target, double elapsed) {
    if (baseline == null || target == null) {
      return null;
    }
    double share = Math.max(0, Math.min(1, elapsed));
    return baseline.add(
        target.subtract(baseline).multiply(BigDecimal.valueOf(share)), MathContext.DECIMAL64);
  }

  private static boolean notBehind(
      IndicatorDirection direction, BigDecimal reading, BigDecimal expected, BigDecimal target) {
    if (direction == IndicatorDirection.EQ) {
      return reading.subtract(target).abs().compareTo(expected.subtract(target).abs()) <= 0;
    }
    int cmp = reading.compareTo(expected);
    return direction.lowerIsBetter() ? cmp <= 0 : cmp >= 0;
  }
}
