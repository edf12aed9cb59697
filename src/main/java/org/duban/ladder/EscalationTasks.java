package org.duban.ladder;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.infrastructure.UserError;
import org.duban.rectification.RectificationFiles;
import org.duban.rectification.RectificationRepository;
import org.duban.security.CurrentUser;
import org.duban.task.FormValues;
import org.duban.task.TaskContext;
import org.duban.task.TaskDecisionHandler;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The user tasks of the escalation and rectification process. */
@Component
class EscalationTasks implements TaskDecisionHandler {

  static final String TRIAGE = "triageEscalation";
  static final String PLAN = "submitRectificationPlan";
  static final String LEADER = "leaderFollowUp";
  static final String REVIEW = "reviewRectificationPlan";
  static final String EVIDENCE = "submitRectificationEvidence";
  static final String SIGN_OFF = "signOffRectification";
  static final String MEETING = "recordMeetingDecision";

  /** Process variables holding when the plan and the rectification count as missed. */
  static final String PLAN_DUE = "planDueDate";

  static final String RECTIFICATION_DUE = "rectificationDue";

  /** Prefilled values the task page reads beside the form (templates/tasks/task.html). */
  static final String RECTIFICATION_ID = "rectificationId";

  static final String EVIDENCE_FILES = "evidenceFiles";

  /** The due variable of the step a climb or a meeting returns to. */
  static String dueVariable(String resumeAt) {
    return "evidence".equals(resumeAt) ? RECTIFICATION_DUE : PLAN_DUE;
  }

  private final EscalationService service;
  private final EscalationRepository escalations;
  private final RectificationRepository rectifications;
  private final MeetingReferralRepository referrals;
  private final LadderDeadlines deadlines;
  private final TaskService taskService;
  private final RectificationFiles files;
  private final MessageSource messages;

  EscalationTasks(
      EscalationService service,
      EscalationRepository escalations,
      RectificationRepository rectifications,
      MeetingReferralRepository referrals,
      LadderDeadlines deadlines,
      TaskService taskService,
      RectificationFiles files,
      MessageSource messages) {
    this.files = files;
    this.service = service;
    this.escalations = escalations;
    this.rectifications = rectifications;
    this.referrals = referrals;
    this.deadlines = deadlines;
    this.taskService = taskService;
    this.messages = messages;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(TRIAGE, PLAN, LEADER, REVIEW, EVIDENCE, SIGN_OFF, MEETING);
  }

  /** The plan deadline a notice proposes, in working days; the office may choose another. */
  static final int TRIAGE_WORKING_DAYS = 5;

  @Override
  @Transactional(readOnly = true)
  public Map<String, Object> prefill(Task task, TaskContext context) {
    Map<String, Object> values = new HashMap<>();
    Long escalationId = escalationId(task);
    escalations
        .findById(escalationId)
        .ifPresent(e -> values.put("escalationReason", e.getReason()));
    if (TRIAGE.equals(task.getTaskDefinitionKey())) {
      values.put("noticeDeadline", deadlines.inWorkingDays(TRIAGE_WORKING_DAYS));
    }
    if (LEADER.equals(task.getTaskDefinitionKey())) {
      values.put("missedDeadline", missedDeadline(task));
    }
    if (MEETING.equals(task.getTaskDefinitionKey())) {
      referrals
          .findFirstByEscalationIdAndDecidedAtIsNull(escalationId)
          .ifPresent(r -> values.put("meetingReason", r.getReason()));
    }
    rectifications
        .findByEscalationId(escalationId)
        .ifPresent(
            r -> {
              putIfPresent(values, "obstacle", r.getObstacle());
              putIfPresent(values, "responsibility", r.getResponsibility());
              putIfPresent(values, "measures", r.getMeasures());
              putIfPresent(values, "rectificationDeadline", r.getDeadline());
              putIfPresent(values, "evidence", r.getEvidence());
              putIfPresent(values, "reviewComment", r.getReviewComment());
              // not form fields: the task page shows the evidence files and, on the evidence step,
              // the upload
              values.put(RECTIFICATION_ID, r.getId());
              values.put(EVIDENCE_FILES, files.listOf(r.getId()));
            });
    return values;
  }

  /**
   * Which deadline the department missed, as the ladder climbed to the leader: the step, its last
   * day and when it counted as missed (the follow-up's own variables, kept from its climb).
   */
  String missedDeadline(Task task) {
    Object step = taskService.getVariable(task.getId(), "missedStep");
    Object due = taskService.getVariable(task.getId(), "missedDue");
    String kind = "evidence".equals(step) ? "evidence" : "plan";
    if (!(due instanceof Date missedAt)) {
      return messages.getMessage(
          "leaderFollowUp.missed." + kind,
          new Object[] {"—", "—"},
          LocaleContextHolder.getLocale());
    }
    String overdueSince =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .format(LocalDateTime.ofInstant(missedAt.toInstant(), ZoneId.systemDefault()));
    return messages.getMessage(
        "leaderFollowUp.missed." + kind,
        new Object[] {deadlines.deadlineOf(missedAt).toString(), overdueSince},
        LocaleContextHolder.getLocale());
  }

  private static void putIfPresent(Map<String, Object> values, String key, Object value) {
    if (value != null) {
      values.put(key, value);
    }
  }

  @Override
  @Transactional
  public void complete(
      Task task, TaskContext context, Map<String, Object> values, CurrentUser user) {
    Long escalationId = escalationId(task);
    String actor = user.getUsername();
    switch (task.getTaskDefinitionKey()) {
      case TRIAGE -> triage(task, escalationId, values, actor);
      case PLAN -> {
        Date rectificationDue =
            service.submitPlan(
                escalationId,
                actor,
                FormValues.requiredText(values, "obstacle"),
                FormValues.requiredText(values, "responsibility"),
                FormValues.requiredText(values, "measures"),
                FormValues.date(values, "rectificationDeadline"));
        taskService.complete(task.getId(), Map.of(RECTIFICATION_DUE, rectificationDue));
      }
      case LEADER -> {
        service.leaderInstruction(
            escalationId, actor, FormValues.requiredText(values, "instruction"));
        taskService.complete(task.getId());
      }
      case REVIEW -> {
        String decision = decision(values, "planDecision", "accept", "sendBack");
        boolean accepted = decision.equals("accept");
        String comment =
            accepted
                ? FormValues.text(values, "planComment")
                : FormValues.requiredText(values, "planComment");
        Date planDue =
            service.reviewPlan(
                escalationId,
                actor,
                accepted,
                comment,
                (Date) taskService.getVariable(task.getId(), PLAN_DUE));
        taskService.complete(task.getId(), Map.of("planDecision", decision, PLAN_DUE, planDue));
      }
      case EVIDENCE -> {
        service.submitEvidence(escalationId, actor, FormValues.requiredText(values, "evidence"));
        taskService.complete(task.getId());
      }
      case SIGN_OFF -> signOff(task, escalationId, values, actor);
      case MEETING -> meetingDecision(task, escalationId, values, actor);
      default -> throw new IllegalArgumentException(task.getTaskDefinitionKey());
    }
  }

  private void triage(Task task, Long escalationId, Map<String, Object> values, String actor) {
    String decision = decision(values, "triageDecision", "dismiss", "notice");
    Map<String, Object> variables = new HashMap<>();
    variables.put("triageDecision", decision);
    if (decision.equals("dismiss")) {
      service.dismiss(escalationId, actor, FormValues.requiredText(values, "dismissReason"));
    } else {
      LocalDate deadline = FormValues.date(values, "noticeDeadline");
      if (deadline == null) {
        throw UserError.at("noticeDeadline", "decision.reasonRequired");
      }
      SupervisionNotice notice =
          service.issueNotice(
              escalationId, actor, FormValues.requiredText(values, "noticeRequirement"), deadline);
      variables.put("noticeId", notice.getId());
      variables.put(PLAN_DUE, deadlines.missedAt(deadline));
    }
    taskService.complete(task.getId(), variables);
  }

  private void signOff(Task task, Long escalationId, Map<String, Object> values, String actor) {
    String decision = decision(values, "signOffDecision", "signOff", "reopen");
    Map<String, Object> variables = new HashMap<>();
    variables.put("signOffDecision", decision);
    String verification = FormValues.requiredText(values, "signOffComment");
    if (decision.equals("signOff")) {
      service.signOff(escalationId, actor, verification);
    } else {
      variables.put(PLAN_DUE, service.reopen(escalationId, actor, verification));
    }
    taskService.complete(task.getId(), variables);
  }

  private void meetingDecision(
      Task task, Long escalationId, Map<String, Object> values, String actor) {
    String kind = decision(values, "meetingKind", "presidentOffice", "partyCommittee");
    String decision = decision(values, "meetingDecision", "continue", "close");
    Date due =
        service.recordMeetingDecision(
            escalationId,
            actor,
            kind.equals("partyCommittee")
                ? MeetingReferral.MeetingKind.PARTY_COMMITTEE
                : MeetingReferral.MeetingKind.PRESIDENT_OFFICE,
            FormValues.date(values, "meetingDate"),
            decision.equals("close")
                ? MeetingReferral.Decision.CLOSE
                : MeetingReferral.Decision.CONTINUE,
            FormValues.requiredText(values, "meetingInstruction"),
            FormValues.date(values, "newDeadline"));
    Map<String, Object> variables = new HashMap<>();
    variables.put("meetingDecision", decision);
    if (due != null) {
      variables.put(dueVariable((String) taskService.getVariable(task.getId(), "resumeAt")), due);
    }
    taskService.complete(task.getId(), variables);
  }

  private static String decision(Map<String, Object> values, String field, String... allowed) {
    String decision = FormValues.text(values, field);
    for (String option : allowed) {
      if (option.equals(decision)) {
        return decision;
      }
    }
    throw UserError.at(field, "decision.unknown");
  }

  private Long escalationId(Task task) {
    Object value = taskService.getVariable(task.getId(), "escalationId");
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("task " + task.getId() + " has no escalationId");
    }
    return number.longValue();
  }
}
