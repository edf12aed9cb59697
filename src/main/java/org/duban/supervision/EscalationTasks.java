package org.duban.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.infrastructure.EngineClock;
import org.duban.security.CurrentUser;
import org.duban.task.DecisionRejected;
import org.duban.task.FormValues;
import org.duban.task.TaskContext;
import org.duban.task.TaskDecisionHandler;
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

  private final EscalationService service;
  private final EscalationRepository escalations;
  private final RectificationRepository rectifications;
  private final TaskService taskService;

  EscalationTasks(
      EscalationService service,
      EscalationRepository escalations,
      RectificationRepository rectifications,
      TaskService taskService) {
    this.service = service;
    this.escalations = escalations;
    this.rectifications = rectifications;
    this.taskService = taskService;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(TRIAGE, PLAN, LEADER, REVIEW, EVIDENCE, SIGN_OFF);
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Object> prefill(Task task, TaskContext context) {
    Map<String, Object> values = new HashMap<>();
    Long escalationId = escalationId(task);
    escalations.findById(escalationId).ifPresent(e -> values.put("escalationReason", e.getReason()));
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
            });
    return values;
  }

  private static void putIfPresent(Map<String, Object> values, String key, Object value) {
    if (value != null) {
      values.put(key, value);
    }
  }

  @Override
  @Transactional
  public void complete(Task task, TaskContext context, Map<String, Object> values, CurrentUser user) {
    Long escalationId = escalationId(task);
    String actor = user.getUsername();
    switch (task.getTaskDefinitionKey()) {
      case TRIAGE -> triage(task, escalationId, values, actor);
      case PLAN -> {
        service.submitPlan(
            escalationId,
            actor,
            FormValues.requiredText(values, "obstacle"),
            FormValues.requiredText(values, "responsibility"),
            FormValues.requiredText(values, "measures"),
            FormValues.date(values, "rectificationDeadline"));
        taskService.complete(task.getId());
      }
      case LEADER -> {
        service.leaderInstruction(escalationId, actor, FormValues.requiredText(values, "instruction"));
        taskService.complete(task.getId());
      }
      case REVIEW -> {
        String decision = decision(values, "planDecision", "accept", "sendBack");
        boolean accepted = decision.equals("accept");
        String comment =
            accepted ? FormValues.text(values, "planComment") : FormValues.requiredText(values, "planComment");
        service.reviewPlan(escalationId, actor, accepted, comment);
        taskService.complete(task.getId(), Map.of("planDecision", decision));
      }
      case EVIDENCE -> {
        service.submitEvidence(escalationId, actor, FormValues.requiredText(values, "evidence"));
        taskService.complete(task.getId());
      }
      case SIGN_OFF -> signOff(task, escalationId, values, actor);
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
        throw new DecisionRejected("noticeDeadline", "decision.reasonRequired");
      }
      SupervisionNotice notice =
          service.issueNotice(escalationId, actor, FormValues.requiredText(values, "noticeRequirement"), deadline);
      variables.put("noticeId", notice.getId());
      // the plan is due by the end of the notice's deadline day
      variables.put("planDueDate", EngineClock.toDate(deadline.plusDays(1).atStartOfDay()));
    }
    taskService.complete(task.getId(), variables);
  }

  private void signOff(Task task, Long escalationId, Map<String, Object> values, String actor) {
    String decision = decision(values, "signOffDecision", "signOff", "reopen");
    Map<String, Object> variables = new HashMap<>();
    variables.put("signOffDecision", decision);
    if (decision.equals("signOff")) {
      service.signOff(escalationId, actor, FormValues.text(values, "signOffComment"));
    } else {
      LocalDateTime due = service.reopen(escalationId, actor, FormValues.requiredText(values, "signOffComment"));
      variables.put("planDueDate", EngineClock.toDate(due));
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
    throw new DecisionRejected(field, "decision.unknown");
  }

  private Long escalationId(Task task) {
    Object value = taskService.getVariable(task.getId(), "escalationId");
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("task " + task.getId() + " has no escalationId");
    }
    return number.longValue();
  }
}
