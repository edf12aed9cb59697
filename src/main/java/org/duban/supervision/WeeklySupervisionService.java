package org.duban.supervision;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.history.EventKind;
import org.duban.history.ItemHistory;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.NotFound;
import org.duban.workitem.Light;
import org.duban.workitem.WorkItem;
import org.duban.workitem.WorkItemRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The weekly sweep: lights every open item by the rules and escalates the red ones. */
@Service
public class WeeklySupervisionService {

  private static final Logger log = LoggerFactory.getLogger(WeeklySupervisionService.class);

  public static final String PROCESS_KEY = "weeklySupervision";

  private final SweepRepository sweeps;
  private final LightAssessmentRepository assessments;
  private final EscalationRepository escalations;
  private final WorkItemRepository workItems;
  private final RuntimeService runtimeService;
  private final ItemHistory history;

  WeeklySupervisionService(
      SweepRepository sweeps,
      LightAssessmentRepository assessments,
      EscalationRepository escalations,
      WorkItemRepository workItems,
      RuntimeService runtimeService,
      ItemHistory history) {
    this.sweeps = sweeps;
    this.assessments = assessments;
    this.escalations = escalations;
    this.workItems = workItems;
    this.runtimeService = runtimeService;
    this.history = history;
  }

  /** "Run now" for the supervision office: the same process the timer starts. */
  @Transactional
  public String runNow(String actor) {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY);
    log.info("weekly supervision {} started by hand by {}", instance.getId(), actor);
    return instance.getId();
  }

  @Transactional
  public Long startSweep() {
    Sweep sweep = sweeps.save(new Sweep(EngineClock.now()));
    log.info("supervision sweep {} started", sweep.getId());
    return sweep.getId();
  }

  @Transactional(readOnly = true)
  public List<Long> openItemIds() {
    return workItems.findOpenIds();
  }

  @Transactional
  public void recordLight(Long sweepId, Long workItemId, Light light, String reason, LightFacts facts) {
    WorkItem item = workItems.findById(workItemId).orElseThrow(NotFound::new);
    var now = EngineClock.now();
    Light before = item.getLight();
    item.lit(light, reason, now);
    assessments.save(new LightAssessment(workItemId, sweepId, light, reason, facts, now));
    if (sweepId != null) {
      sweeps.findById(sweepId).ifPresent(sweep -> sweep.counted(light));
    }
    if (before != light) {
      history.itemEvent(workItemId, item.getTaskBook().getId(), ItemHistory.SYSTEM, EventKind.LIGHT_SET, chinese(light) + "：" + reason);
    }
  }

  /** History details are read by people: the light in words. */
  private static String chinese(Light light) {
    return switch (light) {
      case GREEN -> "绿灯";
      case YELLOW -> "黄灯";
      case RED -> "红灯";
    };
  }

  /** Counts an escalation opened from this sweep. */
  @Transactional
  public void countEscalated(Long sweepId) {
    if (sweepId != null) {
      sweeps.findById(sweepId).ifPresent(Sweep::escalated);
    }
  }

  @Transactional
  public void finishSweep(Long sweepId) {
    Sweep sweep = sweeps.findById(sweepId).orElseThrow(NotFound::new);
    sweep.finished(EngineClock.now());
    log.info(
        "supervision sweep {} finished: {} green, {} yellow, {} red, {} escalated",
        sweepId, sweep.getGreen(), sweep.getYellow(), sweep.getRed(), sweep.getEscalated());
  }

  @Transactional(readOnly = true)
  public java.util.Optional<Sweep> lastSweep() {
    return sweeps.findFirstByOrderByStartedAtDesc();
  }
}
