package org.duban.calendar;

import java.time.LocalDate;
import java.util.List;
import org.duban.audit.AuditLog;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The admin's edits of the calendar table. Each edit is checked first and writes nothing when
 * refused; after it commits, this node's cached calendar is refreshed (other nodes within a
 * minute).
 */
@Service
public class CalendarAdmin {

  private static final Logger log = LoggerFactory.getLogger(CalendarAdmin.class);

  private final CalendarDayRepository days;
  private final CachedWorkingDays cache;
  private final AuditLog audit;

  CalendarAdmin(CalendarDayRepository days, CachedWorkingDays cache, AuditLog audit) {
    this.days = days;
    this.cache = cache;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<CalendarDay> year(int year) {
    return days.findByDateBetweenOrderByDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** Whether any day of the year is still marked provisional (the page then warns about it). */
  @Transactional(readOnly = true)
  public boolean anyProvisional(int year) {
    return year(year).stream().anyMatch(CalendarDay::isProvisional);
  }

  /** Adds the day, or changes it when the date already has a row. */
  @Transactional
  public void saveDay(SpecialDay day, String username) {
    List<UserError> problems = YearArrangement.check(day);
    if (!problems.isEmpty()) {
      throw UserError.of(problems);
    }
    SpecialDay before = days.findByDate(day.date()).map(CalendarDay::toSpecialDay).orElse(null);
    days.findByDate(day.date())
        .ifPresentOrElse(
            row -> row.update(day, username, EngineClock.now()),
            () -> days.save(new CalendarDay(day, username, EngineClock.now())));
    log.info("{} set {} as {} {} ({})", username, day.date(), day.kind(), day.name(), day.source());
    audit.record("calendar.day", "calendar-day", day.date().toString(), before, day);
    refreshAfterCommit();
  }

  /** The day becomes an ordinary day again (Monday to Friday work, weekend rest). */
  @Transactional
  public boolean removeDay(LocalDate date, String username) {
    return days.findByDate(date)
        .map(
            row -> {
              days.delete(row);
              audit.record(
                  "calendar.day-delete", "calendar-day", date.toString(), row.toSpecialDay(), null);
              log.info("{} removed the special day {}", username, date);
              refreshAfterCommit();
              return true;
            })
        .orElse(false);
  }

  /** Replaces all rows of the year with the pasted arrangement, or refuses with every bad line. */
  @Transactional
  public int replaceYear(
      int year, String text, String source, boolean provisional, String username) {
    YearArrangement arrangement = YearArrangement.parse(year, text, source, provisional);
    if (!arrangement.problems().isEmpty()) {
      throw UserError.of(arrangement.problems());
    }
    List<SpecialDay> before = year(year).stream().map(CalendarDay::toSpecialDay).toList();
    days.deleteByDateBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    days.flush();
    for (SpecialDay day : arrangement.days()) {
      days.save(new CalendarDay(day, username, EngineClock.now()));
    }
    log.info(
        "{} replaced the calendar of {} with {} special days",
        username,
        year,
        arrangement.days().size());
    audit.record(
        "calendar.year", "calendar-year", String.valueOf(year), before, arrangement.days());
    refreshAfterCommit();
    return arrangement.days().size();
  }

  private void refreshAfterCommit() {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            cache.refresh();
          }
        });
  }
}
