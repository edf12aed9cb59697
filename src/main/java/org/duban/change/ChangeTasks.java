package org.duban.change;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.infrastructure.UserError;
import org.duban.security.CurrentUser;
import org.duban.task.FormValues;
import org.duban.task.TaskContext;
import org.duban.task.TaskDecisionHandler;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The user task of the change request process: the issuer approves or rejects the change. */
@Component
class ChangeTasks implements TaskDecisionHandler {

  static final String APPROVE = "approveChange";
  static final String CHANGE_REQUEST_ID = "changeRequestId";

  private final ChangeService service;
  private final TaskService taskService;
  private final MessageSource messages;

  ChangeTasks(ChangeService service, TaskService taskService, MessageSource messages) {
    this.service = service;
    this.taskService = taskService;
    this.messages = messages;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(APPROVE);
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Object> prefill(Task task, TaskContext context) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String field :
        new String[] {
          "title", "target", "leadDepartment", "leader", "deadline", "acceptanceCriteria"
        }) {
      names.put(
          field,
          messages.getMessage(
              "change.field." + field, null, field, LocaleContextHolder.getLocale()));
    }
    names.put(
        "cancel",
        messages.getMessage(
            "change.field.cancel", null, "cancel", LocaleContextHolder.getLocale()));
    names.put(
        "cancelSummary",
        messages.getMessage(
            "change.cancel.summary", null, "cancel", LocaleContextHolder.getLocale()));
    Map<String, Object> values = new HashMap<>();
    values.put("changeSummary", service.summary(requestId(task), names));
    return values;
  }

  @Override
  @Transactional
  public void complete(
      Task task, TaskContext context, Map<String, Object> values, CurrentUser user) {
    Long requestId = requestId(task);
    String decision = FormValues.text(values, "changeDecision");
    String comment = FormValues.text(values, "changeComment");
    if ("approve".equals(decision)) {
      service.approve(requestId, user.getUsername(), comment);
    } else if ("reject".equals(decision)) {
      service.reject(requestId, user.getUsername(), comment);
    } else {
      throw UserError.at("changeDecision", "decision.unknown");
    }
    taskService.complete(task.getId(), Map.of("changeDecision", decision));
  }

  private Long requestId(Task task) {
    Object id = taskService.getVariable(task.getId(), CHANGE_REQUEST_ID);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("task " + task.getId() + " has no changeRequestId variable");
    }
    return number.longValue();
  }
}
