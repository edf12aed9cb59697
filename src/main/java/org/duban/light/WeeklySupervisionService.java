package org.duban.light;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.book.ItemLights;
import org.duban.book.ItemLights.LightChange;
import org.duban.book.ItemLights.LightSetting;
import org.duban.book.ItemStage;
import org.duban.book.Light;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemRepository;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;
import org.duban.infrastructure.NotFound;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly sweep: lights every open item by the rules and puts each light to the escalation
 * ladder, at most once per item and ISO week. Each item is evaluated in its own job (see {@code
 * processes/weekly-supervision.bpmn}), so what is written here per item commits or rolls back with
 * that item alone.
 */
@Service
public class WeeklySupervisionService {

  private static final Logger log = LoggerFactory.getLogger(WeeklySupervisionService.class);

  public static final String PROCESS_KEY = "weeklySupervision";

  /** The process variable naming who pressed "run now"; absent when the timer started the sweep. */
  static final String STARTED_BY = "startedBy";

  /**
   * Width of the id ranges the sweep evaluates in one chunk. Chunks keep every engine transaction
   * small: starting 50,000 item executions at once, or completing one of 50,000 siblings (the
   * engine loads them all each time), does not scale; ranges of ids need no list stored anywhere.
   */
  static final long CHUNK_WIDTH = 100;

  private final SweepRepository sweeps;
  private final LightAssessmentRepository assessments;
  private final WeeklyLadderStepRepository ladderSteps;
  private final SweepItems sweepItems;
  private final WorkItemRepository workItems;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final ItemHistory history;
  private final SweepStartGuard startGuard;
  private final ItemLights itemLights;

  WeeklySupervisionService(
      SweepRepository sweeps,
      LightAssessmentRepository assessments,
      WeeklyLadderStepRepository ladderSteps,
      SweepItems sweepItems,
      WorkItemRepository workItems,
      RuntimeService runtimeService,
      ManagementService managementService,
      ItemHistory history,
      SweepStartGuard startGuard,
      ItemLights itemLights) {
    this.sweeps = sweeps;
    this.assessments = assessments;
    this.ladderSteps = ladderSteps;
    this.sweepItems = sweepItems;
    this.workItems = workItems;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.history = history;
    this.startGuard = startGuard;
    this.itemLights = itemLights;
  }

  /**
   * "Run now" for the supervision office: the same process the timer starts; its jobs run in the
   * background. Refused while a sweep is running, whoever started it and on whichever node: two
   * sweeps at once would race each other on the same items. The running sweep is read from the
   * database (the engine's instances and the sweep records), under a row lock that makes a second
   * "run now" wait for the first one's commit.
   *
   * @throws SweepAlreadyRunning with the running sweep's progress; nothing is started
   */
  @Transactional
  public String runNow(String actor) {
    startGuard.lock();
    Optional<RunningSweep> running = runningSweep();
    if (running.isPresent()) {
      log.info(
          "weekly supervision by hand refused for {}: sweep {} is running",
          actor,
          running.get().sweepId());
      throw new SweepAlreadyRunning(running.get());
    }
    return start(actor);
  }

  private String start(String actor) {
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(STARTED_BY, actor));
    log.info("weekly supervision {} started by hand by {}", instance.getId(), actor);
    return instance.getId();
  }

  /**
   * The sweep that is running, if any: an instance of the weekly process whose sweep has not
   * finished (after that only its digest is left to send, which races nobody).
   */
  @Transactional(readOnly = true)
  public Optional<RunningSweep> runningSweep() {
    for (ProcessInstance instance :
        runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list()) {
      Object sweepId = runtimeService.getVariable(instance.getId(), "sweepId");
      if (!(sweepId instanceof Number number)) {
        continue;
      }
      Optional<Sweep> sweep = sweeps.findById(number.longValue());
      if (sweep.isPresent() && sweep.get().getFinishedAt() == null) {
        Sweep s = sweep.get();
        return Optional.of(
            new RunningSweep(
                s.getId(),
                instance.getId(),
                s.getStartedAt(),
                s.getStartedBy(),
                assessments.countBySweepId(s.getId()),
                s.getItemCount()));
      }
    }
    return Optional.empty();
  }

  /**
   * Runs a sweep to its end in the caller's thread and transaction, executing its jobs one by one:
   * for seeding the demo and for tests, where no job executor is there to run them.
   */
  @Transactional
  public String runToEnd(String actor) {
    // not refused while another sweep runs: the demo seed and tests run their sweep to its end here
    String instanceId = start(actor);
    executeJobsOf(instanceId);
    return instanceId;
  }

  /**
   * Executes the sweep's jobs until it has ended or only jobs that failed are left: a failed job
   * waits for its next retry (or is an incident), as it would with the job executor.
   */
  public void executeJobsOf(String sweepInstanceId) {
    List<Job> jobs;
    while (!(jobs =
            managementService
                .createJobQuery()
                .processInstanceId(sweepInstanceId)
                .executable()
                .listPage(0, 500))
        .isEmpty()) {
      for (Job job : jobs) {
        try {
          managementService.executeJob(job.getId());
        } catch (RuntimeException failed) {
          log.warn("sweep job {} failed: {}", job.getId(), failed.getMessage());
        }
      }
    }
  }

  /** Executes the jobs of every sweep that is running, e.g. after its timer fired in a test. */
  public void executeJobsOfRunningSweeps() {
    runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .list()
        .forEach(instance -> executeJobsOf(instance.getId()));
  }

  @Transactional
  public Long startSweep() {
    return startSweep(null);
  }

  /** Records a new sweep; {@code startedBy} is null when the timer started it. */
  @Transactional
  public Long startSweep(String startedBy) {
    Sweep sweep = sweeps.save(new Sweep(EngineClock.now(), startedBy, lightableItemIds().size()));
    log.info("supervision sweep {} of {} started", sweep.getId(), sweep.getIsoWeek());
    return sweep.getId();
  }

  @Transactional(readOnly = true)
  public List<Long> openItemIds() {
    return workItems.findOpenIds();
  }

  /**
   * The open items the sweep lights: those past their first round, or past their deadline
   * (SweepItems).
   */
  @Transactional(readOnly = true)
  public List<Long> lightableItemIds() {
    return sweepItems.lightableIds(openStages(), EngineClock.today());
  }

  /**
   * The first id of every id range that holds an item to light; each range is one chunk of the
   * sweep.
   */
  @Transactional(readOnly = true)
  public List<Long> chunkStarts() {
    return lightableItemIds().stream()
        .map(id -> id / CHUNK_WIDTH * CHUNK_WIDTH)
        .distinct()
        .toList();
  }

  /**
   * The items to light of one chunk; ranges do not overlap, so no item is evaluated twice in a
   * sweep.
   */
  @Transactional(readOnly = true)
  public List<Long> openItemIdsInChunk(Long chunkStart) {
    return sweepItems.lightableIdsBetween(
        chunkStart, chunkStart + CHUNK_WIDTH, openStages(), EngineClock.today());
  }

  private static Collection<ItemStage> openStages() {
    return java.util.Arrays.stream(ItemStage.values()).filter(ItemStage::isOpen).toList();
  }

  /**
   * A light set outside a sweep's rules; kept for callers that record a light with its reason only.
   */
  @Transactional
  public void recordLight(
      Long sweepId, Long workItemId, Light light, String reason, LightFacts facts) {
    recordLight(sweepId, workItemId, light, null, reason, facts);
  }

  /**
   * Stores the light the rules gave, with the rule and every figure it looked at, and sets it on
   * the item.
   */
  @Transactional
  public void recordLight(
      Long sweepId, Long workItemId, Light light, String rule, String reason, LightFacts facts) {
    WorkItem item = workItems.findById(workItemId).orElseThrow(NotFound::new);
    var now = EngineClock.now();
    MessageText reasonText = reasonText(rule, reason);
    LightChange change =
        itemLights.set(Map.of(workItemId, new LightSetting(light, reason, reasonText)), now).get(0);
    // unique per sweep and item: a second record in one sweep fails here rather than count twice
    assessments.save(
        new LightAssessment(workItemId, sweepId, light, rule, reason, reasonText, facts, now));
    if (change.changed()) {
      history.itemEvent(
          workItemId,
          item.getTaskBook().getId(),
          ItemHistory.SYSTEM,
          EventKind.LIGHT_SET,
          MessageText.of(
              "history.lightSet",
              MessageText.of("light." + light.name()),
              reasonText != null ? reasonText : reason));
    }
  }

  /**
   * The reason as a key ({@code lightReason.<rule>}) when the decision gave the shipped Chinese
   * words of a shipped rule, so that readers get it in their language; a rule or wording an admin
   * wrote in the decision table has no translation and stays as written.
   */
  static MessageText reasonText(String rule, String reason) {
    if (rule == null || reason == null) {
      return null;
    }
    MessageText text = MessageText.of("lightReason." + rule);
    return reason.equals(MessageTexts.renderIfKnown(text, MessageTexts.DEFAULT)) ? text : null;
  }

  /**
   * Puts the item's light to the escalation ladder unless the ladder has heard of the item this ISO
   * week. The step is written and flushed before the ladder is called, in the same transaction: a
   * sweep racing this one fails on the unique key and retries; a crash rolls back both together.
   *
   * @param ladder the call to the ladder; true when it opened an escalation
   * @return true when an escalation was opened
   */
  @Transactional
  public boolean stepOnLadder(Long sweepId, Long workItemId, Light light, BooleanSupplier ladder) {
    Sweep sweep = sweeps.findById(sweepId).orElseThrow(NotFound::new);
    if (ladderSteps.existsByIsoWeekAndWorkItemId(sweep.getIsoWeek(), workItemId)) {
      log.debug("item {} was put to the ladder in {} already", workItemId, sweep.getIsoWeek());
      return false;
    }
    WeeklyLadderStep step =
        ladderSteps.saveAndFlush(
            new WeeklyLadderStep(
                sweep.getIsoWeek(), workItemId, sweepId, light, EngineClock.now()));
    boolean escalated = ladder.getAsBoolean();
    if (escalated) {
      step.escalated();
    }
    return escalated;
  }

  /** Ends the sweep with counts taken from what it recorded. */
  @Transactional
  public void finishSweep(Long sweepId) {
    Sweep sweep = sweeps.findById(sweepId).orElseThrow(NotFound::new);
    int green = 0;
    int yellow = 0;
    int red = 0;
    for (Object[] row : assessments.countLightsOfSweep(sweepId)) {
      int count = ((Number) row[1]).intValue();
      switch ((Light) row[0]) {
        case GREEN -> green = count;
        case YELLOW -> yellow = count;
        case RED -> red = count;
      }
    }
    sweep.finished(
        green,
        yellow,
        red,
        (int) ladderSteps.countBySweepIdAndEscalatedTrue(sweepId),
        EngineClock.now());
    log.info(
        "supervision sweep {} finished: {} green, {} yellow, {} red, {} escalated",
        sweepId,
        sweep.getGreen(),
        sweep.getYellow(),
        sweep.getRed(),
        sweep.getEscalated());
  }

  /** The last sweep that has ended: a running one has no counts yet. */
  @Transactional(readOnly = true)
  public Optional<Sweep> lastSweep() {
    return sweeps.findFirstByFinishedAtIsNotNullOrderByStartedAtDesc();
  }

  @Transactional(readOnly = true)
  public Optional<Sweep> sweep(Long sweepId) {
    return sweeps.findById(sweepId);
  }
}
