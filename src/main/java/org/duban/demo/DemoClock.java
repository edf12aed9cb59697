package org.duban.demo;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.duban.calendar.WorkCalendar;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * The demo's time machine: moves the engine clock forward (never back: what ran has run), then runs
 * the jobs that fell due (timers, async continuations) in due-date order until none is due, so a
 * visitor sees a month of supervision in minutes. The offset is kept in demo_clock and applied
 * again at start; {@code --duban.demo.clock-reset=true} (or deleting ./data) puts the clock back to
 * real time. Exists only with {@code duban.demo.enabled=true}.
 */
@Service
@ConditionalOnProperty(prefix = "duban.demo", name = "enabled", havingValue = "true")
@Order(5)
public class DemoClock implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoClock.class);

  /** A bound on one move's work: a timer cycle gone wild must not hang the page. */
  static final int MAX_JOBS_PER_MOVE = 500;

  static final int MAX_DAYS_PER_MOVE = 366;

  private final DemoClockStateRepository states;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final WorkCalendar calendar;
  private final boolean resetAtStart;

  public DemoClock(
      DemoClockStateRepository states,
      ManagementService management,
      RuntimeService runtime,
      WorkCalendar calendar,
      @Value("${duban.demo.clock-reset:false}") boolean resetAtStart) {
    this.states = states;
    this.management = management;
    this.runtime = runtime;
    this.calendar = calendar;
    this.resetAtStart = resetAtStart;
  }

  /** Applies the saved offset at start (or forgets it when asked to reset). */
  @Override
  public void run(ApplicationArguments args) {
    if (resetAtStart) {
      states.deleteAll();
      EngineClock.reset();
      log.info("Demo clock reset to real time (duban.demo.clock-reset=true)");
      return;
    }
    applySaved();
  }

  void applySaved() {
    states
        .findById(DemoClockState.ID)
        .ifPresent(
            state -> {
              EngineClock.offset(state.getOffsetMillis());
              log.info(
                  "Demo clock is {} ahead of real time (moved by {}): engine time {}",
                  Duration.ofMillis(state.getOffsetMillis()),
                  state.getMovedBy(),
                  EngineClock.now());
            });
  }

  public Status status() {
    LocalDateTime now = EngineClock.now();
    long offset =
        states.findById(DemoClockState.ID).map(DemoClockState::getOffsetMillis).orElse(0L);
    String movedBy =
        states.findById(DemoClockState.ID).map(DemoClockState::getMovedBy).orElse(null);
    return new Status(
        now, calendar.isWorkingDay(now.toLocalDate()), Duration.ofMillis(offset), movedBy);
  }

  /** Moves the clock {@code days} days forward and runs what fell due. */
  public List<JobRun> moveBy(int days, String username) {
    if (days < 1 || days > MAX_DAYS_PER_MOVE) {
      throw new UserError("demo.clock.daysOutOfRange");
    }
    return moveTo(EngineClock.now().plusDays(days), username);
  }

  /** Moves the clock forward to {@code target} and runs what fell due. */
  public List<JobRun> moveTo(LocalDateTime target, String username) {
    LocalDateTime now = EngineClock.now();
    if (target == null || !target.isAfter(now)) {
      throw new UserError("demo.clock.notBackwards");
    }
    if (target.isAfter(now.plusDays(MAX_DAYS_PER_MOVE))) {
      throw new UserError("demo.clock.daysOutOfRange");
    }
    long offset = EngineClock.toDate(target).getTime() - System.currentTimeMillis();
    DemoClockState state =
        states.findById(DemoClockState.ID).orElseGet(() -> new DemoClockState(0, username, now));
    EngineClock.offset(offset);
    state.moved(offset, username, EngineClock.now());
    states.save(state);
    log.info("{} moved the demo clock from {} to {}", username, now, target);
    List<JobRun> runs = runDueJobs();
    log.info("Demo clock: {} jobs ran after the move by {}", runs.size(), username);
    return runs;
  }

  /**
   * Runs due jobs, earliest due first, until none is due: a job may create the next (an async
   * continuation, a timer that is due at once). A failing job is tried once here and left to the
   * engine's retries; one that has run out of retries is reported as an incident.
   */
  List<JobRun> runDueJobs() {
    List<JobRun> runs = new ArrayList<>();
    Set<String> failed = new HashSet<>();
    while (runs.size() < MAX_JOBS_PER_MOVE) {
      Job job = nextDue(failed);
      if (job == null) {
        break;
      }
      String activity = activityOf(job);
      try {
        management.executeJob(job.getId());
        runs.add(
            new JobRun(
                job.getProcessDefinitionKey(),
                activity,
                job.getDuedate(),
                JobRun.Outcome.DONE,
                null));
      } catch (RuntimeException e) {
        failed.add(job.getId());
        boolean incident = runtime.createIncidentQuery().configuration(job.getId()).count() > 0;
        runs.add(
            new JobRun(
                job.getProcessDefinitionKey(),
                activity,
                job.getDuedate(),
                incident ? JobRun.Outcome.INCIDENT : JobRun.Outcome.FAILED,
                e.getMessage()));
        log.warn(
            "Demo clock: job {} ({} {}) failed: {}",
            job.getId(),
            job.getProcessDefinitionKey(),
            activity,
            e.getMessage());
      }
    }
    return runs;
  }

  private Job nextDue(Set<String> failed) {
    // due date ascending; async continuations (no due date) are due at once
    List<Job> due =
        management
            .createJobQuery()
            .executable()
            .orderByJobDuedate()
            .asc()
            .listPage(0, failed.size() + 1);
    return due.stream().filter(job -> !failed.contains(job.getId())).findFirst().orElse(null);
  }

  private String activityOf(Job job) {
    if (job.getJobDefinitionId() == null) {
      return null;
    }
    JobDefinition definition =
        management
            .createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId())
            .singleResult();
    return definition == null ? null : definition.getActivityId();
  }

  /** The engine time, whether it is a working day, and how far it is ahead of real time. */
  public record Status(LocalDateTime now, boolean workingDay, Duration offset, String movedBy) {

    public boolean moved() {
      return offset.toMinutes() != 0;
    }

    public long offsetDays() {
      return offset.toDays();
    }

    public long offsetHours() {
      return offset.minusDays(offset.toDays()).toHours();
    }

    public Date nowAsDate() {
      return EngineClock.toDate(now);
    }
  }
}
