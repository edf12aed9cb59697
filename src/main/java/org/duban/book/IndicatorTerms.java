package org.duban.book;

import java.math.BigDecimal;

/** An indicator's terms, as a decomposition sheet gives and an export writes them. */
public record IndicatorTerms(
    String name,
    String unit,
    IndicatorDirection direction,
    BigDecimal baseline,
    BigDecimal target) {

  static IndicatorTerms of(Indicator indicator) {
    return new IndicatorTerms(
        indicator.getName(),
        indicator.getUnit(),
        indicator.getDirection(),
        indicator.getBaseline(),
        indicator.getTarget());
  }
}
