package org.duban.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.CamundaFormRef;
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

  private final FormService formService;
  private final Forms forms;
  private final WorkTasks workTasks;
  private final TaskDecisions decisions;
  private final TaskAccess access;

  TaskForms(
      FormService formService,
      Forms forms,
      WorkTasks workTasks,
      TaskDecisions decisions,
      TaskAccess access) {
    this.access = access;
    this.formService = formService;
    this.forms = forms;
    this.workTasks = workTasks;
    this.decisions = decisions;
  }

  @Transactional(readOnly = true)
  public TaskForm load(String taskId, CurrentUser user) {
    Task task = workTasks.open(taskId, user);
    TaskContext context = workTasks.context(task);
    TaskDecisionHandler handler = decisions.handlerFor(task.getTaskDefinitionKey());
    // Only what the handler gives: earlier decisions in process variables must not pre-select the
    // next round's choice.
    Map<String, Object> values = new HashMap<>(handler.prefill(task, context));
    return new TaskForm(task, context, definition(task), values, handler.options(task, context),
        access.isCandidate(task, user));
  }

  /** Validates a submission of the form the task shows, on the server; changes nothing. */
  public FormResult validate(TaskForm form, MultiValueMap<String, String> params, Locale locale) {
    return forms.validate(form.definition(), params, form.options(), form.values(), locale);
  }

  private FormDefinition definition(Task task) {
    try (InputStream json = formService.getDeployedTaskForm(task.getId())) {
      CamundaFormRef ref = formService.getTaskFormData(task.getId()).getCamundaFormRef();
      String formId = ref != null ? ref.getKey() : task.getTaskDefinitionKey();
      return forms.parse(formId, new String(json.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
