package org.duban.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * Standard competition ranking (1, 2, 2, 4): equal scores share a rank, and the next score takes
 * the rank after all of them, so that a department is never placed below another with the same
 * score. Pure, so that every case is tested alone.
 */
public final class Ranks {

  private Ranks() {}

  /**
   * @param scoresBestFirst scores sorted best first; null (no score) ranks after every score
   * @return the rank of each score, in the same order
   */
  public static int[] competition(List<BigDecimal> scoresBestFirst) {
    int[] ranks = new int[scoresBestFirst.size()];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] =
          i > 0 && same(scoresBestFirst.get(i), scoresBestFirst.get(i - 1)) ? ranks[i - 1] : i + 1;
    }
    return ranks;
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
