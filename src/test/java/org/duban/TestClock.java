package org.duban;

import java.time.LocalDateTime;
import java.util.Date;
import org.duban.infrastructure.EngineClock;

/**
 * The engine clock in tests, in one place: Duban and the engine read the time through {@link
 * EngineClock}, so a test that stands the clock somewhere moves both, and puts it back to the
 * machine's time afterwards ({@link #reset()}, in its {@code @AfterEach}), since the clock is one
 * for the whole JVM and its contexts.
 */
public final class TestClock {

  private TestClock() {}

  /** Stops the clock at this local time (the JVM's zone, Asia/Shanghai in the build). */
  public static void at(LocalDateTime time) {
    EngineClock.set(EngineClock.toDate(time));
  }

  /**
   * As {@link #at(LocalDateTime)}, from an ISO local date-time such as {@code 2026-03-02T08:30}.
   */
  public static void at(String localDateTime) {
    at(LocalDateTime.parse(localDateTime));
  }

  /** Stops the clock at this instant (a job's due date, say). */
  public static void at(Date instant) {
    EngineClock.set(instant);
  }

  /** The instant of a local time, as the engine's dates are. */
  public static Date date(LocalDateTime time) {
    return EngineClock.toDate(time);
  }

  /** The engine's now, as a date. */
  public static Date now() {
    return EngineClock.toDate(EngineClock.now());
  }

  /** Back to the machine's time. */
  public static void reset() {
    EngineClock.reset();
  }
}
