package org.duban.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An item's score: the sum of the matching rules' points, kept between 0 and 100, with each rule's
 * reason.
 */
public record ItemScore(BigDecimal points, List<Reason> reasons) {

  static final BigDecimal MAX = BigDecimal.valueOf(100);

  /** One matching rule: its stable name, its points (negative: a deduction) and its reason. */
  public record Reason(String rule, BigDecimal points, String text) {

    String describe() {
      String sign = points.signum() >= 0 ? "+" : "";
      return text + "（" + sign + points.stripTrailingZeros().toPlainString() + "）";
    }
  }

  static ItemScore of(List<Reason> reasons) {
    BigDecimal sum = reasons.stream().map(Reason::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal clamped = sum.max(BigDecimal.ZERO).min(MAX).setScale(2, RoundingMode.HALF_UP);
    return new ItemScore(clamped, List.copyOf(reasons));
  }

  public List<String> rules() {
    return reasons.stream().map(Reason::rule).toList();
  }

  /** The reasons as one line, e.g. {@code 按期完成（+60）；指标全部达成（+40）}. */
  public String reasonText() {
    return reasons.stream().map(Reason::describe).collect(Collectors.joining("；"));
  }
}
