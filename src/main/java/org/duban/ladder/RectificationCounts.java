package org.duban.ladder;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duban.rectification.Rectification;
import org.springframework.stereotype.Component;

/**
 * How many rectifications an item has open or signed off, and how many are overdue: counted by the
 * ladder, which owns the escalations they belong to, with the states as enum constants, so that
 * renaming a state breaks the build rather than the assessment or the digest. A few set-based
 * queries, not one per item.
 */
@Component
public class RectificationCounts {

  private final EscalationRepository escalations;

  RectificationCounts(EscalationRepository escalations) {
    this.escalations = escalations;
  }

  /**
   * Per item: rectifications not yet signed off of its open escalation; items without any are left
   * out.
   */
  public Map<Long, Integer> openByItem(Collection<Long> itemIds) {
    if (itemIds.isEmpty()) {
      return Map.of();
    }
    return byItem(
        escalations.countRectificationsByItemInEscalationStatusAndStatusNot(
            itemIds, Escalation.Status.OPEN, Rectification.Status.SIGNED_OFF));
  }

  /**
   * Per item: rectifications signed off (销号), of any of its escalations; items without any are left
   * out.
   */
  public Map<Long, Integer> signedOffByItem(Collection<Long> itemIds) {
    if (itemIds.isEmpty()) {
      return Map.of();
    }
    return byItem(
        escalations.countRectificationsByItemInStatus(itemIds, Rectification.Status.SIGNED_OFF));
  }

  /** Rectifications of open escalations, not signed off, whose deadline was before the day. */
  public int overdue(LocalDate day) {
    return (int)
        escalations.countRectificationsDueBefore(
            day, Escalation.Status.OPEN, Rectification.Status.SIGNED_OFF);
  }

  private static Map<Long, Integer> byItem(List<Object[]> rows) {
    Map<Long, Integer> counts = new HashMap<>();
    for (Object[] row : rows) {
      counts.put((Long) row[0], ((Number) row[1]).intValue());
    }
    return counts;
  }
}
