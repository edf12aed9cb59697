package org.duban.decomposition;

import java.math.BigDecimal;
import org.duban.book.IndicatorDirection;

/** An indicator of a row as it will be created: 指标名称, 比较方式, 目标值, 单位, 基线值. */
public record PlannedIndicator(
    String name,
    IndicatorDirection direction,
    BigDecimal target,
    String unit,
    BigDecimal baseline) {

  /** "平均住院日 ≤ 6.5 天", "门诊量 持续提升（基线 1200 人次）": for the preview. */
  public String describe() {
    String suffix = unit == null ? "" : " " + unit;
    if (direction.isTrend()) {
      return name + " " + IndicatorCells.word(direction) + "（" + plain(baseline) + suffix + "）";
    }
    return name + " " + IndicatorCells.word(direction) + " " + plain(target) + suffix;
  }

  /** What makes two indicators the same, for comparing a row with an item already in the book. */
  String key() {
    return name
        + "|"
        + direction
        + "|"
        + plain(target)
        + "|"
        + (unit == null ? "" : unit)
        + "|"
        + plain(baseline);
  }

  static String plain(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }
}
