package org.duban.infrastructure;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock. Duban reads the time here, so that timers, deadlines and records agree, and
 * tests that move the engine clock move Duban with it. The only class that touches the engine's
 * internal API for this.
 */
public final class EngineClock {

  private EngineClock() {}

  public static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }

  public static LocalDate today() {
    return now().toLocalDate();
  }

  /** Freezes the clock at {@code now} (tests). */
  public static void set(Date now) {
    ClockUtil.setCurrentTime(now);
  }

  /**
   * Runs the clock {@code offsetMillis} ahead of (or behind) the machine's time and keeps it
   * running from there (the demo clock). Returns the new now.
   */
  public static Date offset(long offsetMillis) {
    return ClockUtil.offset(offsetMillis);
  }

  /** Back to the machine's time. */
  public static void reset() {
    ClockUtil.reset();
  }

  public static Date toDate(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
  }
}
