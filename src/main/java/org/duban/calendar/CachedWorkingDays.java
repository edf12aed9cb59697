package org.duban.calendar;

import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The calendar table as {@link WorkingDays}, read at most once a minute. An edit on this node
 * refreshes it at once ({@link #refresh()}); other nodes sharing the database see the edit within a
 * minute. The age is measured on the machine's monotonic clock, not the engine clock, which the
 * demo moves by days.
 */
@Component
class CachedWorkingDays {

  static final long MAX_AGE_NANOS = TimeUnit.MINUTES.toNanos(1);

  private record Snapshot(WorkingDays days, long loadedAt) {}

  private final CalendarDayRepository days;
  private volatile Snapshot snapshot;

  CachedWorkingDays(CalendarDayRepository days) {
    this.days = days;
  }

  WorkingDays current() {
    Snapshot current = snapshot;
    if (current == null || System.nanoTime() - current.loadedAt() > MAX_AGE_NANOS) {
      current = load();
    }
    return current.days();
  }

  void refresh() {
    load();
  }

  private Snapshot load() {
    Snapshot loaded =
        new Snapshot(
            WorkingDays.of(days.findAll().stream().map(CalendarDay::toSpecialDay).toList()),
            System.nanoTime());
    snapshot = loaded;
    return loaded;
  }
}
