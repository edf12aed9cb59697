package org.duban.workitem;

import java.math.BigDecimal;

/** How a reading compares with its target: 平均住院日 ≤ 6.5, 满意度 > 98%. */
public enum IndicatorDirection {
  LE("≤"),
  GE("≥"),
  LT("<"),
  GT(">"),
  EQ("=");

  private final String symbol;

  IndicatorDirection(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public boolean isMet(BigDecimal reading, BigDecimal target) {
    int cmp = reading.compareTo(target);
    return switch (this) {
      case LE -> cmp <= 0;
      case GE -> cmp >= 0;
      case LT -> cmp < 0;
      case GT -> cmp > 0;
      case EQ -> cmp == 0;
    };
  }
}
