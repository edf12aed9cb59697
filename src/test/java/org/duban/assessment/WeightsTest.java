package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.duban.infrastructure.UserError;
import org.junit.jupiter.api.Test;

/** Goal-area weights (sum 100, 党建 at least 30%) and the weighted department and leader scores. */
class WeightsTest {

  static final Weights.Area PARTY = new Weights.Area(1L, "党建引领");
  static final Weights.Area MEDICAL = new Weights.Area(2L, "医疗服务");
  static final Weights.Area TALENT = new Weights.Area(3L, "人才队伍");

  static String refusal(List<Weights.Area> areas, Map<Long, Integer> weights) {
    try {
      Weights.validate(areas, weights);
    } catch (UserError e) {
      return e.key() + List.of(e.args());
    }
    return null;
  }

  @Test
  void weightsThatSumToHundredWithPartyBuildingAtThirtyPass() {
    Weights.validate(List.of(PARTY, MEDICAL, TALENT), Map.of(1L, 30, 2L, 40, 3L, 30));
  }

  @Test
  void weightsNotSummingToHundredAreRefusedWithTheSum() {
    assertThat(refusal(List.of(PARTY, MEDICAL), Map.of(1L, 30, 2L, 60)))
        .isEqualTo("assessment.weights.sum[90]");
    assertThat(refusal(List.of(PARTY, MEDICAL), Map.of(1L, 50, 2L, 60)))
        .isEqualTo("assessment.weights.sum[110]");
  }

  @Test
  void partyBuildingBelowThirtyIsRefused() {
    assertThat(refusal(List.of(PARTY, MEDICAL), Map.of(1L, 29, 2L, 71)))
        .isEqualTo("assessment.weights.partyBuilding[党建引领, 30]");
    // two party-building areas count together
    Weights.Area partyConduct = new Weights.Area(4L, "党建与党风廉政");
    Weights.validate(List.of(PARTY, partyConduct, MEDICAL), Map.of(1L, 15, 4L, 15, 2L, 70));
    assertThat(refusal(List.of(PARTY, partyConduct, MEDICAL), Map.of(1L, 15, 4L, 14, 2L, 71)))
        .isEqualTo("assessment.weights.partyBuilding[党建引领、党建与党风廉政, 30]");
  }

  @Test
  void aMissingOrOutOfRangeWeightIsRefused() {
    assertThat(refusal(List.of(PARTY, MEDICAL), Map.of(1L, 100)))
        .isEqualTo("assessment.weights.missing[医疗服务]");
    assertThat(refusal(List.of(MEDICAL, TALENT), Map.of(2L, 120, 3L, -20)))
        .isEqualTo("assessment.weights.range[医疗服务]");
  }

  @Test
  void theProposedDefaultsPassTheRule() {
    assertThat(Weights.defaults(List.of(MEDICAL, PARTY, TALENT)))
        .containsExactly(Map.entry(2L, 34), Map.entry(1L, 33), Map.entry(3L, 33));
    List<Weights.Area> five =
        List.of(PARTY, MEDICAL, TALENT, new Weights.Area(4L, "学科建设"), new Weights.Area(5L, "运营管理"));
    Map<Long, Integer> defaults = Weights.defaults(five);
    assertThat(defaults.get(1L)).isEqualTo(30);
    assertThat(defaults.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    Weights.validate(five, defaults);
    assertThat(Weights.defaults(List.of(MEDICAL, TALENT)))
        .containsExactly(Map.entry(2L, 50), Map.entry(3L, 50));
  }

  static WeightedScores.Scored item(long area, String score) {
    return new WeightedScores.Scored(area, new BigDecimal(score));
  }

  @Test
  void aDepartmentScoreIsTheWeightedMeanOfItsAreasMeans() {
    // party building: mean of 80 and 100 = 90, weight 30; medical: 60, weight 70
    BigDecimal score =
        WeightedScores.weighted(
            List.of(item(1, "80"), item(1, "100"), item(2, "60")), Map.of(1L, 30, 2L, 70));

    assertThat(score).isEqualByComparingTo("69.00"); // (90*30 + 60*70) / 100
  }

  @Test
  void areasWithoutItemsAreLeftOutOfTheWeights() {
    // only medical items: the department's score is their mean, whatever party building weighs
    BigDecimal score =
        WeightedScores.weighted(List.of(item(2, "70"), item(2, "85")), Map.of(1L, 30, 2L, 70));

    assertThat(score).isEqualByComparingTo("77.50");
  }

  @Test
  void weightedScoresRoundToTwoDecimals() {
    BigDecimal score =
        WeightedScores.weighted(
            List.of(item(1, "100"), item(2, "0"), item(3, "0")), Map.of(1L, 34, 2L, 33, 3L, 33));

    assertThat(score).isEqualTo(new BigDecimal("34.00"));
    assertThat(
            WeightedScores.weighted(List.of(item(1, "100"), item(2, "50")), Map.of(1L, 33, 2L, 34)))
        .isEqualTo(new BigDecimal("74.63")); // (3300 + 1700) / 67
    assertThat(WeightedScores.weighted(List.of(), Map.of(1L, 100))).isNull();
  }
}
