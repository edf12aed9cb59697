package org.duban.assessment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A department's (or a leader's) score: the mean final score of its items in each goal area,
 * weighted by the areas' weights over the areas it has items in. Pure, so that every case is tested
 * alone.
 */
public final class WeightedScores {

  private WeightedScores() {}

  /** An item's area and final score. */
  public record Scored(Long goalAreaId, BigDecimal score) {}

  /**
   * @return the weighted score rounded to two decimals, or null without items; areas weighted 0
   *     count only when every area present weighs 0 (then the plain mean)
   */
  public static BigDecimal weighted(Collection<Scored> items, Map<Long, Integer> weightByArea) {
    if (items.isEmpty()) {
      return null;
    }
    Map<Long, BigDecimal[]> byArea = new LinkedHashMap<>();
    for (Scored item : items) {
      BigDecimal[] sumAndCount =
          byArea.computeIfAbsent(
              item.goalAreaId(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sumAndCount[0] = sumAndCount[0].add(item.score());
      sumAndCount[1] = sumAndCount[1].add(BigDecimal.ONE);
    }
    BigDecimal weightedSum = BigDecimal.ZERO;
    BigDecimal weights = BigDecimal.ZERO;
    for (Map.Entry<Long, BigDecimal[]> area : byArea.entrySet()) {
      BigDecimal mean = area.getValue()[0].divide(area.getValue()[1], MathContext.DECIMAL64);
      BigDecimal weight = BigDecimal.valueOf(weightByArea.getOrDefault(area.getKey(), 0));
      weightedSum = weightedSum.add(mean.multiply(weight));
      weights = weights.add(weight);
    }
    if (weights.signum() == 0) {
      BigDecimal sum = items.stream().map(Scored::score).reduce(BigDecimal.ZERO, BigDecimal::add);
      return sum.divide(BigDecimal.valueOf(items.size()), 2, RoundingMode.HALF_UP);
    }
    return weightedSum.divide(weights, 2, RoundingMode.HALF_UP);
  }

  static BigDecimal of(List<AssessmentItemScore> scores, Map<Long, Integer> weightByArea) {
    return weighted(
        scores.stream().map(s -> new Scored(s.getGoalAreaId(), s.getFinalScore())).toList(),
        weightByArea);
  }
}
