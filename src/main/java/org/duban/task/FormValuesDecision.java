package org.duban.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.infrastructure.EngineClock;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemHistory;
import org.duban.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Completes a task that has no Java handler with its form's simple values as process variables, so
 * that a step an admin adds in Modeler (say, an extra review with a radio decision) works without a
 * release. Lists and rows are not copied: the domain keeps such data. The step and what was entered
 * are recorded in the item's (or book's) history.
 */
@Component
class FormValuesDecision implements TaskDecisionHandler {

  private final TaskService taskService;
  private final DeployedTaskForms forms;
  private final ItemHistory history;
  private final AllTaskSubjects subjects;
  private final MessageSource messages;

  FormValuesDecision(
      TaskService taskService,
      DeployedTaskForms forms,
      ItemHistory history,
      AllTaskSubjects subjects,
      MessageSource messages) {
    this.taskService = taskService;
    this.forms = forms;
    this.history = history;
    this.subjects = subjects;
    this.messages = messages;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of();
  }

  /** A step without Java behind it shows the process's variables, as Camunda's Tasklist does. */
  @Override
  public Map<String, Object> prefill(Task task, TaskContext context) {
    return taskService.getVariables(task.getId());
  }

  @Override
  public void complete(
      Task task, TaskContext context, Map<String, Object> values, CurrentUser user) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach(
        (key, value) -> {
          Object converted = engineValue(value);
          if (converted != null) {
            variables.put(key, converted);
          }
        });
    if (context.workItemId() != null || context.taskBookId() != null) {
      // no Java handler records this step in the item's history: say who did what here
      // an item's events are kept with its book too
      Long bookId =
          context.workItemId() == null
              ? context.taskBookId()
              : subjects.of(context).map(TaskSubject::taskBookId).orElse(context.taskBookId());
      // the record keeps text, not keys: written in the hospital's language
      history.itemEvent(
          context.workItemId(),
          bookId,
          user.getUsername(),
          EventKind.STEP_DONE,
          StepSummary.of(task.getName(), forms.of(task), values, messages, TaskNotes.STORED));
    }
    taskService.complete(task.getId(), variables);
  }

  private static Object engineValue(Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Long) {
      return value;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    if (value instanceof LocalDate date) {
      return EngineClock.toDate(date.atStartOfDay());
    }
    if (value instanceof LocalDateTime time) {
      return EngineClock.toDate(time);
    }
    return null;
  }
}
