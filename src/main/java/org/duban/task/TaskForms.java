package org.duban.task;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.duban.forms.FormDefinition;
import org.duban.forms.FormResult;
import org.duban.forms.Forms;
import org.duban.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * Loads the Camunda Form a user task references, fills it from the domain, and validates a
 * submission on the server before the task's handler sees it.
 */
@Service
public class TaskForms {

  private final DeployedTaskForms deployedForms;
  private final Forms forms;
  private final WorkTasks workTasks;
  private final TaskDecisions decisions;
  private final TaskAccess access;

  TaskForms(
      DeployedTaskForms deployedForms,
      Forms forms,
      WorkTasks workTasks,
      TaskDecisions decisions,
      TaskAccess access) {
    this.access = access;
    this.deployedForms = deployedForms;
    this.forms = forms;
    this.workTasks = workTasks;
    this.decisions = decisions;
  }

  @Transactional(readOnly = true)
  public TaskForm load(String taskId, CurrentUser user) {
    Task task = workTasks.open(taskId, user);
    try {
      TaskContext context = workTasks.context(task);
      TaskDecisionHandler handler = decisions.handlerFor(task.getTaskDefinitionKey());
      // Only what the handler gives: earlier decisions in process variables must not pre-select the
      // next round's choice.
      Map<String, Object> values = new HashMap<>(handler.prefill(task, context));
      return new TaskForm(
          task,
          context,
          definition(task),
          values,
          handler.options(task, context),
          access.isCandidate(task, user));
    } catch (ProcessEngineException e) {
      // a colleague completed it between reading the task and reading its variables
      if (workTasks.isGone(taskId)) {
        throw new TaskGone(taskId);
      }
      throw e;
    }
  }

  /** Validates a submission of the form the task shows, on the server; changes nothing. */
  public FormResult validate(TaskForm form, MultiValueMap<String, String> params, Locale locale) {
    return forms.validate(form.definition(), params, form.options(), form.values(), locale);
  }

  private FormDefinition definition(Task task) {
    return deployedForms.of(task);
  }
}
