package org.duban.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Finds the handler of a task definition key. Tasks an admin adds in Modeler without Java behind
 * them are completed by {@link FormValuesDecision}, which hands the form's values to the process.
 */
@Component
class TaskDecisions {

  private final Map<String, TaskDecisionHandler> byKey = new HashMap<>();
  private final FormValuesDecision fallback;

  TaskDecisions(List<TaskDecisionHandler> handlers, FormValuesDecision fallback) {
    this.fallback = fallback;
    for (TaskDecisionHandler handler : handlers) {
      for (String key : handler.taskKeys()) {
        TaskDecisionHandler previous = byKey.put(key, handler);
        if (previous != null && previous != handler) {
          throw new IllegalStateException("two handlers for task " + key);
        }
      }
    }
  }

  TaskDecisionHandler handlerFor(String taskDefinitionKey) {
    return byKey.getOrDefault(taskDefinitionKey, fallback);
  }
}
