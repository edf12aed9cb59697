package org.duban.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.duban.history.EventKind;
import org.duban.history.ItemHistory;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.NotFound;
import org.duban.task.DecisionRejected;
import org.duban.workitem.WorkItem;
import org.duban.workitem.WorkItemRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Decisions on an escalation: triage, notice, rectification plan and review, evidence, sign-off. */
@Service
public class EscalationService {

  private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

  /** Working time a department gets for a new plan after a reopened rectification. */
  static final int REPLAN_DAYS = 7;

  private final EscalationRepository escalations;
  private final SupervisionNoticeRepository notices;
  private final RectificationRepository rectifications;
  private final NoticeNumbering numbering;
  private final WorkItemRepository workItems;
  private final ItemHistory history;

  EscalationService(
      EscalationRepository escalations,
      SupervisionNoticeRepository notices,
      RectificationRepository rectifications,
      NoticeNumbering numbering,
      WorkItemRepository workItems,
      ItemHistory history) {
    this.escalations = escalations;
    this.notices = notices;
    this.rectifications = rectifications;
    this.numbering = numbering;
    this.workItems = workItems;
    this.history = history;
  }

  @Transactional
  public void dismiss(Long escalationId, String actor, String reason) {
    Escalation escalation = open(escalationId);
    escalation.dismissed(reason, EngineClock.now());
    event(escalation, actor, EventKind.ESCALATION_DISMISSED, reason);
  }

  @Transactional
  public SupervisionNotice issueNotice(Long escalationId, String actor, String requirement, LocalDate deadline) {
    Escalation escalation = open(escalationId);
    LocalDate today = EngineClock.today();
    if (deadline == null || !deadline.isAfter(today)) {
      throw new DecisionRejected("noticeDeadline", "notice.deadline.future");
    }
    WorkItem item = workItems.findById(escalation.getWorkItemId()).orElseThrow(NotFound::new);
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
                now));
    rectifications.save(new Rectification(escalationId, now));
    event(escalation, actor, EventKind.NOTICE_ISSUED, notice.number() + "：" + requirement);
    log.info("notice {} ({}) issued for item {}", notice.getId(), notice.number(), item.getId());
    return notice;
  }

  @Transactional
  public void submitPlan(
      Long escalationId, String actor, String obstacle, String responsibility, String measures, LocalDate deadline) {
    Escalation escalation = open(escalationId);
    if (deadline == null || deadline.isBefore(EngineClock.today())) {
      throw new DecisionRejected("rectificationDeadline", "rectification.deadline.past");
    }
    rectification(escalationId).planned(obstacle, responsibility, measures, deadline, EngineClock.now());
    event(escalation, actor, EventKind.PLAN_SUBMITTED, measures);
  }

  @Transactional
  public void leaderInstruction(Long escalationId, String actor, String instruction) {
    event(escalation(escalationId), actor, EventKind.LEADER_INSTRUCTED, instruction);
  }

  @Transactional
  public void reviewPlan(Long escalationId, String actor, boolean accepted, String comment) {
    Escalation escalation = open(escalationId);
    rectification(escalationId).reviewed(accepted, comment, EngineClock.now());
    event(escalation, actor, accepted ? EventKind.PLAN_ACCEPTED : EventKind.PLAN_SENT_BACK, comment);
  }

  @Transactional
  public void submitEvidence(Long escalationId, String actor, String evidence) {
    Escalation escalation = open(escalationId);
    rectification(escalationId).evidenced(evidence, EngineClock.now());
    event(escalation, actor, EventKind.EVIDENCE_SUBMITTED, evidence);
  }

  /** Reopens the rectification; returns when the new plan is due. */
  @Transactional
  public LocalDateTime reopen(Long escalationId, String actor, String comment) {
    Escalation escalation = open(escalationId);
    rectification(escalationId).reopened(comment, EngineClock.now());
    event(escalation, actor, EventKind.RECTIFICATION_REOPENED, comment);
    return EngineClock.now().plusDays(REPLAN_DAYS);
  }

  @Transactional
  public void signOff(Long escalationId, String actor, String comment) {
    Escalation escalation = open(escalationId);
    Rectification rectification = rectification(escalationId);
    if (rectification.getStatus() != Rectification.Status.EVIDENCE_SUBMITTED) {
      throw new DecisionRejected("signOffDecision", "rectification.noEvidence");
    }
    rectification.signedOff(actor, EngineClock.now());
    event(escalation, actor, EventKind.SIGNED_OFF, comment);
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

  private void event(Escalation escalation, String actor, EventKind kind, String detail) {
    WorkItem item = workItems.findById(escalation.getWorkItemId()).orElseThrow(NotFound::new);
    history.itemEvent(item.getId(), item.getTaskBook().getId(), actor, kind, detail);
  }
}
