package org.duban.ladder;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Set;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemRepository;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemHistory;
import org.duban.notification.Message;
import org.duban.notification.MessageKind;
import org.duban.notification.Notifier;
import org.duban.rectification.Rectification;
import org.duban.rectification.RectificationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on an escalation: triage, the yellow notice, the rectification record (plan, review,
 * evidence, verification and sign-off or reopening) and the hospital meeting's decision.
 */
@Service
public class EscalationService {

  private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

  private final EscalationRepository escalations;
  private final SupervisionNoticeRepository notices;
  private final RectificationRepository rectifications;
  private final MeetingReferralRepository referrals;
  private final NoticeNumbering numbering;
  private final LadderDeadlines deadlines;
  private final WorkItemRepository workItems;
  private final ItemHistory history;
  private final Notifier notifier;
  private final LadderAudience audience;

  EscalationService(
      EscalationRepository escalations,
      SupervisionNoticeRepository notices,
      RectificationRepository rectifications,
      MeetingReferralRepository referrals,
      NoticeNumbering numbering,
      LadderDeadlines deadlines,
      WorkItemRepository workItems,
      ItemHistory history,
      Notifier notifier,
      LadderAudience audience) {
    this.escalations = escalations;
    this.notices = notices;
    this.rectifications = rectifications;
    this.referrals = referrals;
    this.numbering = numbering;
    this.deadlines = deadlines;
    this.workItems = workItems;
    this.history = history;
    this.notifier = notifier;
    this.audience = audience;
  }

  @Transactional
  public void dismiss(Long escalationId, String actor, String reason) {
    Escalation escalation = open(escalationId);
    escalation.dismissed(reason, EngineClock.now());
    event(escalation, actor, EventKind.ESCALATION_DISMISSED, reason);
  }

  /** The yellow notice (黄色督办单) to the lead department, numbered per year. */
  @Transactional
  public SupervisionNotice issueNotice(
      Long escalationId, String actor, String requirement, LocalDate deadline) {
    Escalation escalation = open(escalationId);
    LocalDate today = EngineClock.today();
    if (deadline == null || !deadline.isAfter(today)) {
      throw UserError.at("noticeDeadline", "notice.deadline.future");
    }
    if (!deadlines.isWorkingDay(deadline)) {
      throw UserError.at("noticeDeadline", "notice.deadline.workingDay");
    }
    WorkItem item = item(escalation);
    LocalDateTime now = EngineClock.now();
    int year = today.getYear();
    SupervisionNotice notice =
        notices.save(
            new SupervisionNotice(
                escalationId,
                item.getId(),
                item.getLeadDepartment().getId(),
                year,
                numbering.next(year),
                requirement,
                deadline,
                actor,
                now,
                LadderLevel.YELLOW,
                null));
    escalation.reached(LadderLevel.YELLOW);
    rectifications.save(new Rectification(escalationId, now));
    event(
        escalation,
        actor,
        EventKind.NOTICE_ISSUED,
        MessageText.of("history.noticeIssued", notice.numberText(), requirement));
    notifier.send(
        Message.worded(
            "notice-" + notice.getId(),
            audience.leadHeads(item),
            item.getId(),
            MessageKind.NOTICE,
            MessageText.of(
                "ladder.yellow.title",
                notice.numberText(),
                EscalationLadder.rungNotLight(item),
                item.getTitle()),
            MessageText.of("ladder.yellow.body", sentence(requirement), deadline),
            EscalationLadder.itemLink(item)));
    log.info(
        "notice {} ({}) issued for item {}",
        notice.getId(),
        notice.number(MessageTexts.DEFAULT),
        item.getId());
    return notice;
  }

  /** Records the plan; returns when the rectification counts as overdue. */
  @Transactional
  public Date submitPlan(
      Long escalationId,
      String actor,
      String obstacle,
      String responsibility,
      String measures,
      LocalDate deadline) {
    Escalation escalation = open(escalationId);
    if (deadline == null || deadline.isBefore(EngineClock.today())) {
      throw UserError.at("rectificationDeadline", "rectification.deadline.past");
    }
    if (!deadlines.isWorkingDay(deadline)) {
      throw UserError.at("rectificationDeadline", "rectification.deadline.workingDay");
    }
    rectification(escalationId)
        .planned(obstacle, responsibility, measures, deadline, EngineClock.now());
    event(escalation, actor, EventKind.PLAN_SUBMITTED, measures);
    return deadlines.missedAt(deadline);
  }

  @Transactional
  public void leaderInstruction(Long escalationId, String actor, String instruction) {
    event(escalation(escalationId), actor, EventKind.LEADER_INSTRUCTED, instruction);
  }

  /**
   * Records the review. A plan sent back gets fresh working time when its due moment is near, so
   * that the office's review time does not count against the department.
   */
  @Transactional
  public Date reviewPlan(
      Long escalationId, String actor, boolean accepted, String comment, Date planDue) {
    Escalation escalation = open(escalationId);
    rectification(escalationId).reviewed(accepted, comment, EngineClock.now());
    event(
        escalation, actor, accepted ? EventKind.PLAN_ACCEPTED : EventKind.PLAN_SENT_BACK, comment);
    Date fresh = deadlines.missedAt(deadlines.replanDeadline());
    return planDue == null || planDue.before(fresh) ? fresh : planDue;
  }

  @Transactional
  public void submitEvidence(Long escalationId, String actor, String evidence) {
    Escalation escalation = open(escalationId);
    rectification(escalationId).evidenced(evidence, EngineClock.now());
    event(escalation, actor, EventKind.EVIDENCE_SUBMITTED, evidence);
  }

  /** Reopens the rectification with the office's verification; returns when the new plan is due. */
  @Transactional
  public Date reopen(Long escalationId, String actor, String verification) {
    Escalation escalation = open(escalationId);
    rectification(escalationId).reopened(verification, EngineClock.now());
    event(escalation, actor, EventKind.RECTIFICATION_REOPENED, verification);
    WorkItem item = item(escalation);
    LocalDate replan = deadlines.replanDeadline();
    notifier.send(
        Message.worded(
            "reopened-" + escalationId + "-" + EngineClock.now(),
            audience.leadHeads(item),
            item.getId(),
            MessageKind.RECTIFICATION,
            MessageText.of("ladder.reopened.title", item.getTitle()),
            MessageText.of("ladder.reopened.body", verification, replan),
            EscalationLadder.itemLink(item)));
    return deadlines.missedAt(replan);
  }

  @Transactional
  public void signOff(Long escalationId, String actor, String verification) {
    Escalation escalation = open(escalationId);
    Rectification rectification = rectification(escalationId);
    if (rectification.getStatus() != Rectification.Status.EVIDENCE_SUBMITTED) {
      throw UserError.at("signOffDecision", "rectification.noEvidence");
    }
    rectification.signedOff(actor, verification, EngineClock.now());
    event(escalation, actor, EventKind.SIGNED_OFF, verification);
    WorkItem item = item(escalation);
    notifier.send(
        Message.worded(
            "signed-off-" + escalationId,
            audience.leadHeads(item),
            item.getId(),
            MessageKind.RECTIFICATION,
            MessageText.of("ladder.signedOff.title", item.getTitle()),
            MessageText.of("ladder.signedOff.body", item.getTitle()),
            EscalationLadder.itemLink(item)));
  }

  /** Called by the process after sign-off. */
  @Transactional
  public void close(Long escalationId) {
    Escalation escalation = escalation(escalationId);
    if (escalation.isOpen()) {
      escalation.signedOff(EngineClock.now());
      log.info("escalation {} of item {} closed", escalationId, escalation.getWorkItemId());
    }
  }

  /**
   * Called by the process when its item closed while the escalation was open (the event subprocess
   * {@code itemClosed} of escalation.bpmn, which has already ended every task and wait): the
   * escalation ends and the item's history says why. Does nothing for an escalation already closed.
   */
  @Transactional
  public void endWithItem(Long escalationId, String why) {
    Escalation escalation = escalation(escalationId);
    if (!escalation.isOpen()) {
      return;
    }
    LocalDateTime now = EngineClock.now();
    escalation.endedWithItem(now);
    // an open rectification would otherwise count against the closed item (the year-end score
    // counts them)
    rectifications
        .findByEscalationId(escalationId)
        .filter(Rectification::isOpen)
        .ifPresent(
            r ->
                r.signedOff(
                    ItemHistory.SYSTEM,
                    MessageText.of(
                        "CANCELLED".equals(why)
                            ? "ladder.ended.cancelled"
                            : "ladder.ended.accepted"),
                    now));
    EventKind kind =
        "CANCELLED".equals(why)
            ? EventKind.ESCALATION_ENDED_ITEM_CANCELLED
            : EventKind.ESCALATION_ENDED_ITEM_ACCEPTED;
    event(escalation, ItemHistory.SYSTEM, kind, (String) null);
    log.info(
        "escalation {} of item {} ended with its item ({})",
        escalationId,
        escalation.getWorkItemId(),
        why);
  }

  /**
   * The hospital meeting's decision on a referred item, recorded by the supervision office: go on
   * with a new deadline (returned as the moment it counts as missed), or end the supervision.
   */
  @Transactional
  public Date recordMeetingDecision(
      Long escalationId,
      String actor,
      MeetingReferral.MeetingKind kind,
      LocalDate meetingDate,
      MeetingReferral.Decision decision,
      String instruction,
      LocalDate newDeadline) {
    Escalation escalation = open(escalationId);
    MeetingReferral referral =
        referrals
            .findFirstByEscalationIdAndDecidedAtIsNull(escalationId)
            .orElseThrow(NotFound::new);
    LocalDate today = EngineClock.today();
    if (meetingDate == null
        || meetingDate.isAfter(today)
        || meetingDate.isBefore(referral.getReferredAt().toLocalDate())) {
      throw UserError.at("meetingDate", "meeting.date.range");
    }
    if (decision == MeetingReferral.Decision.CONTINUE) {
      if (newDeadline == null || !newDeadline.isAfter(today)) {
        throw UserError.at("newDeadline", "meeting.deadline.future");
      }
      if (!deadlines.isWorkingDay(newDeadline)) {
        throw UserError.at("newDeadline", "rectification.deadline.workingDay");
      }
    }
    LocalDateTime now = EngineClock.now();
    referral.decided(
        kind,
        meetingDate,
        decision,
        instruction,
        decision == MeetingReferral.Decision.CONTINUE ? newDeadline : null,
        actor,
        now);
    MessageText meeting = MessageText.of("meeting.kind." + kind.name());
    MessageText detail =
        decision == MeetingReferral.Decision.CONTINUE
            ? MessageText.of(
                "ladder.meetingDecided.continue", meeting, meetingDate, instruction, newDeadline)
            : MessageText.of("ladder.meetingDecided.close", meeting, meetingDate, instruction);
    event(escalation, actor, EventKind.MEETING_DECIDED, detail);
    WorkItem item = item(escalation);
    Set<String> to = audience.leadHeadsAndLeader(item);
    notifier.send(
        Message.worded(
            "meeting-decided-" + referral.getId(),
            to,
            item.getId(),
            MessageKind.MEETING,
            MessageText.of("ladder.meetingDecided.title", item.getTitle()),
            detail,
            EscalationLadder.itemLink(item)));
    if (decision == MeetingReferral.Decision.CLOSE) {
      rectifications
          .findByEscalationId(escalationId)
          .filter(Rectification::isOpen)
          .ifPresent(r -> r.signedOff(actor, instruction, now));
      escalation.closedByMeeting(now);
      return null;
    }
    return deadlines.missedAt(newDeadline);
  }

  /** The text as a sentence of its own, so that the next one does not run into it. */
  static String sentence(String text) {
    String trimmed = text.strip();
    return trimmed.matches(".*[。！？.!?；;]$") ? trimmed : trimmed + "。";
  }

  private Escalation escalation(Long escalationId) {
    return escalations.findById(escalationId).orElseThrow(NotFound::new);
  }

  private Escalation open(Long escalationId) {
    Escalation escalation = escalation(escalationId);
    if (!escalation.isOpen()) {
      throw new IllegalStateException("escalation " + escalationId + " is closed");
    }
    return escalation;
  }

  private Rectification rectification(Long escalationId) {
    return rectifications.findByEscalationId(escalationId).orElseThrow(NotFound::new);
  }

  private WorkItem item(Escalation escalation) {
    return workItems.findById(escalation.getWorkItemId()).orElseThrow(NotFound::new);
  }

  private void event(Escalation escalation, String actor, EventKind kind, String detail) {
    WorkItem item = item(escalation);
    history.itemEvent(item.getId(), item.getTaskBook().getId(), actor, kind, detail);
  }

  private void event(Escalation escalation, String actor, EventKind kind, MessageText detail) {
    WorkItem item = item(escalation);
    history.itemEvent(item.getId(), item.getTaskBook().getId(), actor, kind, detail);
  }
}
