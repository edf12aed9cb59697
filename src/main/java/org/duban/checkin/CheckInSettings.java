package org.duban.checkin;

import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monthly round, under {@code duban.check-in}: which month a round reports on and how long its
 * reporting window is. Offices report on the month that has ended, in the first working days of the
 * next one (a round opened on 1 June asks for May).
 *
 * @param windowWorkingDays the first working days of the month (holidays and 调休 days counted by the
 *     work calendar) in which a round's check-ins are due; a model may still set its own number on
 *     the round's {@code dueAfterWorkingDays} input
 * @param monthCovered the month a round reports on, relative to the month it opens in
 */
@ConfigurationProperties("duban.check-in")
public record CheckInSettings(
    @DefaultValue("5") int windowWorkingDays, @DefaultValue("PREVIOUS") MonthCovered monthCovered) {

  /** The month a round reports on, seen from the month it opens in. */
  public enum MonthCovered {
    /** The month that ended: a round of June asks for May, one of January for December. */
    PREVIOUS,
    /** The month the round opens in. */
    CURRENT
  }

  public CheckInSettings {
    if (windowWorkingDays < 1) {
      throw new IllegalArgumentException(
          "duban.check-in.window-working-days must be at least 1, not " + windowWorkingDays);
    }
    if (monthCovered == null) {
      monthCovered = MonthCovered.PREVIOUS;
    }
  }

  /** The defaults: five working days, the previous month. */
  public static CheckInSettings defaults() {
    return new CheckInSettings(5, MonthCovered.PREVIOUS);
  }

  /** The month (yyyy-MM) a round opened on {@code day} reports on. */
  public String periodCoveredBy(LocalDate day) {
    YearMonth month = YearMonth.from(day);
    return (monthCovered == MonthCovered.PREVIOUS ? month.minusMonths(1) : month).toString();
  }
}
