package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Equal scores share a rank (1, 2, 2, 4), whatever their scale; an empty list has no ranks. */
class RanksTest {

  static List<BigDecimal> scores(String... values) {
    return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
  }

  @Test
  void equalScoresShareARankAndTheNextSkipsAhead() {
    assertThat(Ranks.competition(scores("95.00", "88.50", "88.5", "70.00")))
        .containsExactly(1, 2, 2, 4);
    assertThat(Ranks.competition(scores("60", "60", "60"))).containsExactly(1, 1, 1);
    assertThat(Ranks.competition(scores("90", "80", "70"))).containsExactly(1, 2, 3);
    assertThat(Ranks.competition(scores("90", null, null))).containsExactly(1, 2, 2);
    assertThat(Ranks.competition(List.of())).isEmpty();
  }
}
