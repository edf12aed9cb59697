package org.duban.calendar.engine;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.calendar.WorkingDays;

/**
 * Replaces the engine's business calendars ({@code duration}, {@code dueDate}, {@code cycle}) with
 * working-day aware ones: "5 working days" / "5个工作日" counts working days, and every other due date
 * the engine computes (ISO 8601, cron) that falls on a rest day moves to the next working day at
 * the same time of day, so no reminder or escalation fires on a holiday or a weekend.
 *
 * <p>This class and its nested calendars are the only place where Duban uses the engine's internal
 * calendar API (a move to Operaton changes the imports here). A cron cycle needs nothing more: the
 * engine computes a cycle's next due date from the moment the (moved) job runs, so the occurrence
 * after a moved one is the ordinary next one.
 */
public class WorkingDayCalendars extends AbstractProcessEnginePlugin {

  private final Supplier<WorkingDays> workingDays;

  /**
   * For the process tests' engine (camunda.cfg.xml), which has no database of its own: the seed.
   */
  public WorkingDayCalendars() {
    this(seed());
  }

  public WorkingDayCalendars(Supplier<WorkingDays> workingDays) {
    this.workingDays = workingDays;
  }

  private static Supplier<WorkingDays> seed() {
    WorkingDays seed = WorkingDays.seed();
    return () -> seed;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new Duration());
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDate());
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new Cycle());
    configuration.setBusinessCalendarManager(calendars);
  }

  /**
   * Where a timer's text stands in BPMN: {@code timeDate}, {@code timeDuration}, {@code timeCycle}.
   */
  public enum TimerKind {
    TIME_DATE,
    TIME_DURATION,
    TIME_CYCLE
  }

  /**
   * Why the engine could not compute a due date from a timer's literal text, computed as these
   * calendars compute it when the timer starts (ISO 8601, cron, working days); empty when it can.
   * For the checks before a deploy: the engine itself only finds out when the timer is reached.
   */
  public Optional<String> problemWith(TimerKind kind, String text) {
    try {
      Date due =
          switch (kind) {
            case TIME_DATE -> new DueDate().resolveDuedate(text, (Date) null);
            case TIME_DURATION -> new Duration().resolveDuedate(text, (Date) null);
            case TIME_CYCLE -> new Cycle().resolveDuedate(text, (Date) null);
          };
      return due == null ? Optional.of("no due date") : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  private Date workingDaysAfter(Date start, int n) {
    return toDate(
        workingDays
            .get()
            .addWorkingDays(toLocal(start == null ? ClockUtil.getCurrentTime() : start), n));
  }

  private Date onWorkingDay(Date due) {
    return due == null ? null : toDate(workingDays.get().onWorkingDay(toLocal(due)));
  }

  private static LocalDateTime toLocal(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
  }

  private static Date toDate(LocalDateTime time) {
    return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
  }

  /** Timer {@code timeDuration}. */
  final class Duration extends DurationBusinessCalendar {
    @Override
    public Date resolveDuedate(String duedate, Date startDate) {
      OptionalInt days = WorkingDayDescription.parse(duedate);
      if (days.isPresent()) {
        return workingDaysAfter(startDate, days.getAsInt());
      }
      return onWorkingDay(super.resolveDuedate(duedate, startDate));
    }
  }

  /**
   * Timer {@code timeDate} and user task {@code camunda:dueDate} / {@code camunda:followUpDate}
   * texts.
   */
  final class DueDate extends DueDateBusinessCalendar {
    @Override
    public Date resolveDuedate(String duedate, Date startDate) {
      OptionalInt days = WorkingDayDescription.parse(duedate);
      if (days.isPresent()) {
        return workingDaysAfter(startDate, days.getAsInt());
      }
      return onWorkingDay(super.resolveDuedate(duedate, startDate));
    }
  }

  /**
   * Timer {@code timeCycle}; must stay a {@link CycleBusinessCalendar}, the engine casts to it when
   * it schedules a repeating timer's next job.
   */
  final class Cycle extends CycleBusinessCalendar {
    @Override
    public Date resolveDuedate(String duedateDescription, Date startDate, long repeatOffset) {
      return onWorkingDay(super.resolveDuedate(duedateDescription, startDate, repeatOffset));
    }
  }
}
