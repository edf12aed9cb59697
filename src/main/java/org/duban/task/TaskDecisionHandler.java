package org.duban.task;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.duban.forms.FormOption;
import org.duban.infrastructure.UserError;
import org.duban.security.CurrentUser;

/**
 * The Java side of the user tasks of one feature: what the form shows before the user edits it, the
 * dynamic options of its selects, and the one service call that records the decision and completes
 * the task in the same transaction.
 */
public interface TaskDecisionHandler {

  /** Task definition keys from {@code processes/} this handler decides. */
  Set<String> taskKeys();

  /** Values from the domain that fill the form, keyed like the form's fields and placeholders. */
  default Map<String, Object> prefill(Task task, TaskContext context) {
    return Map.of();
  }

  /** Options of selects bound by {@code valuesKey}. */
  default Map<String, List<FormOption>> options(Task task, TaskContext context) {
    return Map.of();
  }

  /**
   * Records the decision and completes the task; throws {@link UserError} to show a message beside
   * a field and change nothing.
   */
  void complete(Task task, TaskContext context, Map<String, Object> values, CurrentUser user);
}
