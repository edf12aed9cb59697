package org.duban.book;

import java.math.BigDecimal;
import java.util.List;

/**
 * Whether an indicator's figures may be below zero. Most hospital indicators are counts, shares,
 * days or money (例, %, 天, 元) and cannot be; a change (增长率, 增减) or a balance (结余) can, and hospitals
 * name those so. A negative target or baseline on any other indicator is a typing mistake (a stray
 * minus), refused rather than judged against.
 */
public final class IndicatorSign {

  /**
   * Words in an indicator's name that say its figure is a change or a balance, which may be
   * negative.
   */
  static final List<String> SIGNED_WORDS =
      List.of("增长", "增幅", "增减", "增速", "变化", "变动", "差值", "差额", "偏差", "结余", "盈余", "盈亏", "利润", "收支");

  private IndicatorSign() {}

  public static boolean mayBeNegative(String indicatorName) {
    String name = indicatorName == null ? "" : indicatorName;
    return SIGNED_WORDS.stream().anyMatch(name::contains);
  }

  /** True when the value is absent, not negative, or the indicator may be negative. */
  public static boolean allowed(String indicatorName, BigDecimal value) {
    return value == null || value.signum() >= 0 || mayBeNegative(indicatorName);
  }
}
