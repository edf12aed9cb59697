package org.duban.checkin;

import java.util.List;

/**
 * A check-in as its timeline event shows it: the month, percent done and every indicator reading.
 */
public record CheckInDetail(
    String period,
    boolean missed,
    Integer percentDone,
    String narrative,
    String obstacles,
    List<CheckInDetail.Reading> readings) {

  /** One indicator's reading with the target it was judged against. */
  public record Reading(
      String indicator,
      String value,
      String unit,
      String direction,
      String target,
      boolean onTarget) {}
}
