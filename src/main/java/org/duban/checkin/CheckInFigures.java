package org.duban.checkin;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What other features count of check-ins (the assessment's facts), read by the feature that owns
 * them: the states are enum constants, so renaming one breaks the build, not the scores. Set-based:
 * one query for many items or indicators.
 */
@Component
public class CheckInFigures {

  private final CheckInRepository checkIns;

  CheckInFigures(CheckInRepository checkIns) {
    this.checkIns = checkIns;
  }

  /**
   * Per indicator: its reading in the latest submitted check-in; indicators never read are left
   * out.
   */
  public Map<Long, BigDecimal> latestSubmittedReadings(Collection<Long> indicatorIds) {
    Map<Long, BigDecimal> latest = new HashMap<>();
    if (indicatorIds.isEmpty()) {
      return latest;
    }
    for (Object[] row : checkIns.findReadingsNewestFirst(indicatorIds, CheckIn.Status.SUBMITTED)) {
      latest.putIfAbsent((Long) row[0], (BigDecimal) row[1]);
    }
    return latest;
  }

  /** Per item: its missed check-ins (未按时填报); items without any are left out. */
  public Map<Long, Integer> missedByItem(Collection<Long> itemIds) {
    Map<Long, Integer> missed = new HashMap<>();
    if (itemIds.isEmpty()) {
      return missed;
    }
    for (Object[] row : checkIns.countByItemInStatus(itemIds, CheckIn.Status.MISSED)) {
      missed.put((Long) row[0], ((Number) row[1]).intValue());
    }
    return missed;
  }
}
