package org.duban.ladder;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.book.Light;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemRepository;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;
import org.duban.infrastructure.NotFound;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemHistory;
import org.duban.notification.Message;
import org.duban.notification.MessageKind;
import org.duban.notification.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation ladder: blue reminder → yellow notice → red notice to the leader in charge → the
 * hospital meeting. The weekly light puts an item on the ladder; missed deadlines in the escalation
 * process climb it. At most one escalation is open per item, so a sweep run twice in a week, or
 * re-run after a crash, opens no duplicate; every message has an event key, so a job run twice
 * tells nobody twice.
 */
@Service
public class EscalationLadder {

  private static final Logger log = LoggerFactory.getLogger(EscalationLadder.class);

  public static final String PROCESS_KEY = "escalation";
  public static final String MESSAGE_BACK_ON_TRACK = "itemBackOnTrack";
  public static final String MESSAGE_STILL_LAGGING = "itemStillLagging";

  private final EscalationRepository escalations;
  private final SupervisionNoticeRepository notices;
  private final MeetingReferralRepository referrals;
  private final NoticeNumbering numbering;
  private final LadderDeadlines deadlines;
  private final WorkItemRepository workItems;
  private final RuntimeService runtimeService;
  private final ItemHistory history;
  private final Notifier notifier;
  private final LadderAudience audience;

  EscalationLadder(
      EscalationRepository escalations,
      SupervisionNoticeRepository notices,
      MeetingReferralRepository referrals,
      NoticeNumbering numbering,
      LadderDeadlines deadlines,
      WorkItemRepository workItems,
      RuntimeService runtimeService,
      ItemHistory history,
      Notifier notifier,
      LadderAudience audience) {
    this.escalations = escalations;
    this.notices = notices;
    this.referrals = referrals;
    this.numbering = numbering;
    this.deadlines = deadlines;
    this.workItems = workItems;
    this.runtimeService = runtimeService;
    this.history = history;
    this.notifier = notifier;
    this.audience = audience;
  }

  /**
   * Called by the weekly sweep once per item and week; true when an escalation was opened. A yellow
   * item goes on the ladder with a blue reminder, a red one straight to the office's triage; an
   * item already reminded is back on track when green and goes to triage when still lagging a week
   * later.
   */
  @Transactional
  public boolean onWeeklyLight(Long workItemId, Light light) {
    var open = escalations.findByOpenItemId(workItemId);
    if (open.isEmpty()) {
      return switch (light) {
        case GREEN -> false;
        case YELLOW -> open(workItemId, LadderLevel.BLUE);
        case RED -> open(workItemId, LadderLevel.YELLOW);
      };
    }
    Escalation escalation = open.get();
    if (escalation.getLevel() == LadderLevel.BLUE && !openedThisWeek(escalation)) {
      runtimeService
          .createMessageCorrelation(
              light == Light.GREEN ? MESSAGE_BACK_ON_TRACK : MESSAGE_STILL_LAGGING)
          .processInstanceId(escalation.getProcessInstanceId())
          .correlateAll();
    }
    return false;
  }

  private static boolean openedThisWeek(Escalation escalation) {
    LocalDate opened = escalation.getOpenedAt().toLocalDate();
    LocalDate today = EngineClock.today();
    return opened.get(IsoFields.WEEK_BASED_YEAR) == today.get(IsoFields.WEEK_BASED_YEAR)
        && opened.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
            == today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  /** Opens an escalation that goes straight to the office's triage, as a red light does. */
  @Transactional
  public boolean open(Long workItemId) {
    return open(workItemId, LadderLevel.YELLOW);
  }

  /** Opens an escalation for the item at the given rung unless one is open already. */
  @Transactional
  public boolean open(Long workItemId, LadderLevel startLevel) {
    if (escalations.findByOpenItemId(workItemId).isPresent()) {
      return false;
    }
    WorkItem item = item(workItemId);
    // the light's reason as a key when it has one, else its words (getLightReason gives the stored
    // words when no key was kept); an item without a reason is on the ladder for its red light
    MessageText reasonText =
        item.getLightReasonText() != null
            ? item.getLightReasonText()
            : item.getLightReason() == null ? MessageText.of("light.RED") : null;
    String reason =
        reasonText != null ? reasonText.in(MessageTexts.DEFAULT) : item.getLightReason();
    Escalation escalation = new Escalation(workItemId, startLevel, reason, EngineClock.now());
    escalation.reasonWorded(reasonText);
    escalation = escalations.saveAndFlush(escalation);
    Map<String, Object> variables = new HashMap<>();
    variables.put("workItemId", workItemId);
    variables.put("escalationId", escalation.getId());
    variables.put("startLevel", startLevel.name());
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, "item-" + workItemId, variables);
    escalation.startedProcess(instance.getId());
    if (reasonText != null) {
      history.itemEvent(
          workItemId,
          item.getTaskBook().getId(),
          ItemHistory.SYSTEM,
          EventKind.ESCALATION_OPENED,
          reasonText);
    } else {
      history.itemEvent(
          workItemId,
          item.getTaskBook().getId(),
          ItemHistory.SYSTEM,
          EventKind.ESCALATION_OPENED,
          reason);
    }
    log.info(
        "item {} escalated at {}: escalation {}, instance {}",
        workItemId,
        startLevel,
        escalation.getId(),
        instance.getId());
    return true;
  }

  /** The first rung: the lead department's heads are reminded; no notice yet. */
  @Transactional
  public void sendBlueReminder(Long escalationId) {
    Escalation escalation = escalation(escalationId);
    WorkItem item = item(escalation.getWorkItemId());
    escalation.reached(LadderLevel.BLUE);
    notifier.send(
        Message.worded(
            "blue-" + escalationId,
            audience.leadHeads(item),
            item.getId(),
            MessageKind.REMINDER,
            MessageText.of("ladder.blue.title", item.getTitle()),
            MessageText.of("ladder.blue.body", item.getTitle(), escalation.reasonArg()),
            itemLink(item)));
    event(item, EventKind.BLUE_REMINDER_SENT, escalation.reasonArg());
  }

  /** A reminded item is green again: the escalation ends without a notice. */
  @Transactional
  public void resolve(Long escalationId) {
    Escalation escalation = escalation(escalationId);
    if (escalation.isOpen()) {
      escalation.resolved(EngineClock.now());
      event(item(escalation.getWorkItemId()), EventKind.BACK_ON_TRACK, null);
    }
  }

  /**
   * Where a climb leaves the escalation: its rung and, below the meeting, the new deadline's
   * moment.
   */
  public record Climb(LadderLevel level, Date dueAt) {}

  /**
   * A deadline was missed: the escalation climbs one rung. To red: a numbered red notice to the
   * leader in charge with a new deadline. To the meeting (and again at the top): the item is put on
   * the hospital meeting's agenda, once while a referral is pending.
   */
  @Transactional
  public Climb climb(Long escalationId, String missed) {
    Escalation escalation = escalation(escalationId);
    WorkItem item = item(escalation.getWorkItemId());
    LadderLevel level =
        escalation.getLevel() == null || escalation.getLevel() == LadderLevel.BLUE
            ? LadderLevel.RED
            : escalation.getLevel().above();
    escalation.reached(level);
    MessageText why =
        MessageText.of("evidence".equals(missed) ? "ladder.missed.evidence" : "ladder.missed.plan");
    if (level == LadderLevel.RED) {
      LocalDate deadline = deadlines.redNoticeDeadline();
      SupervisionNotice notice = redNotice(escalation, item, why, deadline);
      event(
          item,
          EventKind.LADDER_CLIMBED,
          MessageText.of("history.ladderClimbed", notice.numberText(), why));
      return new Climb(level, deadlines.missedAt(deadline));
    }
    MeetingReferral referral =
        referrals
            .findFirstByEscalationIdAndDecidedAtIsNull(escalationId)
            .orElseGet(() -> refer(escalation, item, why));
    log.info(
        "escalation {} of item {} at the meeting: referral {}",
        escalationId,
        item.getId(),
        referral.getId());
    return new Climb(level, null);
  }

  private SupervisionNotice redNotice(
      Escalation escalation, WorkItem item, MessageText why, LocalDate deadline) {
    String leader =
        item.getLeaderInCharge() == null ? null : item.getLeaderInCharge().getUsername();
    int year = EngineClock.today().getYear();
    MessageText requirement = MessageText.of("ladder.red.requirement", item.getTitle(), why);
    SupervisionNotice fresh =
        new SupervisionNotice(
            escalation.getId(),
            item.getId(),
            item.getLeadDepartment().getId(),
            year,
            numbering.next(year),
            requirement.in(MessageTexts.DEFAULT),
            deadline,
            ItemHistory.SYSTEM,
            EngineClock.now(),
            LadderLevel.RED,
            leader);
    fresh.requirementWorded(requirement);
    SupervisionNotice notice = notices.save(fresh);
    Set<String> to = audience.leadHeadsAndLeader(item);
    notifier.send(
        Message.worded(
            "notice-" + notice.getId(),
            to,
            item.getId(),
            MessageKind.NOTICE,
            MessageText.of(
                "ladder.red.title", notice.numberText(), rungNotLight(item), item.getTitle()),
            MessageText.of("ladder.red.body", requirement, deadline),
            itemLink(item)));
    return notice;
  }

  private MeetingReferral refer(Escalation escalation, WorkItem item, MessageText why) {
    MessageText reason = MessageText.of("ladder.meeting.reason", why, escalation.reasonArg());
    MeetingReferral fresh =
        new MeetingReferral(
            escalation.getId(), item.getId(), reason.in(MessageTexts.DEFAULT), EngineClock.now());
    fresh.reasonWorded(reason);
    MeetingReferral referral = referrals.save(fresh);
    Set<String> to = audience.officeAndLeader(item);
    notifier.send(
        Message.worded(
            "meeting-" + referral.getId(),
            to,
            item.getId(),
            MessageKind.MEETING,
            MessageText.of("ladder.meeting.title", item.getTitle()),
            MessageText.of("ladder.meeting.body", item.getTitle(), reason),
            "/supervision/meeting"));
    event(item, EventKind.MEETING_REFERRED, reason);
    return referral;
  }

  private Escalation escalation(Long escalationId) {
    return escalations.findById(escalationId).orElseThrow(NotFound::new);
  }

  private WorkItem item(Long workItemId) {
    return workItems.findById(workItemId).orElseThrow(NotFound::new);
  }

  private void event(WorkItem item, EventKind kind, String detail) {
    history.itemEvent(item.getId(), item.getTaskBook().getId(), ItemHistory.SYSTEM, kind, detail);
  }

  /** An event whose detail is a text of the app's (worded per reader) or stored words. */
  private void event(WorkItem item, EventKind kind, Object detail) {
    if (detail instanceof MessageText text) {
      history.itemEvent(item.getId(), item.getTaskBook().getId(), ItemHistory.SYSTEM, kind, text);
    } else {
      event(item, kind, (String) detail);
    }
  }

  /**
   * Follows 【黄色督办】/【红色督办】 and the number in a notice's title, before the item's title so that
   * cutting a long title to the column keeps it: the colour is the rung the ladder reached
   * (ladder.legend), not the item's light, which a red item's yellow notice would otherwise seem to
   * contradict. Worded in each reader's language like the rest of the message.
   */
  static MessageText rungNotLight(WorkItem item) {
    Light light = item.getLight();
    return light == null
        ? MessageText.of("ladder.rung.notLight")
        : MessageText.of("ladder.rung.notLightNow", MessageText.of("light." + light.name()));
  }

  static String itemLink(WorkItem item) {
    return "/items/" + item.getId();
  }
}
