package org.duban.book;

import java.math.BigDecimal;

/**
 * How a reading is judged: against the target (平均住院日 ≤ 6.5, 满意度 > 98%), or, for trend targets such
 * as 平均住院日继续下降, against the baseline.
 */
public enum IndicatorDirection {
  LE("≤", true),
  GE("≥", false),
  LT("<", true),
  GT(">", false),
  EQ("=", false),
  /** 持续提升: better than the baseline is met. */
  INCREASE("↑", false),
  /** 继续下降: below the baseline is met. */
  DECREASE("↓", true);

  private final String symbol;
  private final boolean lowerIsBetter;

  IndicatorDirection(String symbol, boolean lowerIsBetter) {
    this.symbol = symbol;
    this.lowerIsBetter = lowerIsBetter;
  }

  public String symbol() {
    return symbol;
  }

  /** Trend directions compare with the baseline and need no target. */
  public boolean isTrend() {
    return this == INCREASE || this == DECREASE;
  }

  public boolean lowerIsBetter() {
    return lowerIsBetter;
  }

  /**
   * @param target the target in force (ignored for trends)
   * @param baseline the starting value (needed for trends)
   */
  public boolean isMet(BigDecimal reading, BigDecimal target, BigDecimal baseline) {
    if (isTrend()) {
      if (baseline == null) {
        return false;
      }
      int cmp = reading.compareTo(baseline);
      return this == INCREASE ? cmp > 0 : cmp < 0;
    }
    int cmp = reading.compareTo(target);
    return switch (this) {
      case LE -> cmp <= 0;
      case GE -> cmp >= 0;
      case LT -> cmp < 0;
      case GT -> cmp > 0;
      default -> cmp == 0;
    };
  }

  public boolean isMet(BigDecimal reading, BigDecimal target) {
    return isMet(reading, target, null);
  }
}
