package org.duban.checkin;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The month a round's check-ins are filed under, read from the round's process variables.
 *
 * <p>Rounds opened before migration V30 stored the month they were opened in as {@code period} (a
 * round opened on 1 June said 2026-06 although it asked for May) and have no {@code roundOpenedOn}.
 * V30 moved the check-ins they had recorded one month back; a check-in such a round records later
 * is moved the same way here, so a round that was running when the release came in files its last
 * check-ins under the same month as its first ones.
 */
final class RoundPeriod {

  /** The month the round reports on (yyyy-MM). */
  static final String PERIOD = "period";

  /** The day the round opened (yyyy-MM-dd); only rounds opened since V30 have it. */
  static final String OPENED_ON = "roundOpenedOn";

  private RoundPeriod() {}

  /**
   * @param period the round's {@code period} variable
   * @param openedOn the round's {@code roundOpenedOn} variable, null for a round of an older
   *     release
   * @param today when a round names no month at all (a task of another model): the month a round
   *     opened today would report on
   */
  static String of(Object period, Object openedOn, CheckInSettings settings, LocalDate today) {
    if (period == null || period.toString().isBlank()) {
      return settings.periodCoveredBy(today);
    }
    if (openedOn != null) {
      return period.toString();
    }
    // one month back whatever the setting says now, exactly as V30 moved the check-ins already
    // stored
    return YearMonth.parse(period.toString()).minusMonths(1).toString();
  }
}
