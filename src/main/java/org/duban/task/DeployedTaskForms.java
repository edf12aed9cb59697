package org.duban.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.task.Task;
import org.duban.forms.FormDefinition;
import org.duban.forms.Forms;
import org.springframework.stereotype.Component;

/** The form a task shows, as deployed beside its process version. */
@Component
class DeployedTaskForms {

  private final FormService formService;
  private final Forms forms;

  DeployedTaskForms(FormService formService, Forms forms) {
    this.formService = formService;
    this.forms = forms;
  }

  FormDefinition of(Task task) {
    try (InputStream json = formService.getDeployedTaskForm(task.getId())) {
      CamundaFormRef ref = formService.getTaskFormData(task.getId()).getCamundaFormRef();
      String formId = ref != null ? ref.getKey() : task.getTaskDefinitionKey();
      return forms.parse(formId, new String(json.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
