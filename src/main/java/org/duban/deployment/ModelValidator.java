package org.duban.deployment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.duban.forms.Forms;
import org.duban.forms.InvalidFormException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Checks a bundle before it reaches the engine, so that an admin's mistake is reported in plain
 * words and the running version stays: forms must parse and use only what Duban can show, every
 * user task must name a form of the bundle, every process must say how long its history is kept.
 */
@Component
class ModelValidator {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private final Forms forms;
  private final MessageSource messages;

  ModelValidator(Forms forms, MessageSource messages) {
    this.forms = forms;
    this.messages = messages;
  }

  List<ModelProblem> problems(ModelBundle bundle) {
    List<ModelProblem> problems = new ArrayList<>();
    Set<String> formIds = new HashSet<>();
    for (Map.Entry<String, byte[]> form : bundle.forms().entrySet()) {
      String json = new String(form.getValue(), StandardCharsets.UTF_8);
      try {
        formIds.add(forms.parse(form.getKey(), json).id());
      } catch (InvalidFormException e) {
        problems.add(new ModelProblem(form.getKey(), e.componentId(), e.getMessage()));
      }
    }
    bundle.resources().forEach((name, bytes) -> {
      if (name.endsWith(".bpmn")) {
        checkProcess(name, bytes, formIds, problems);
      } else if (name.endsWith(".dmn")) {
        checkDecision(name, bytes, problems);
      }
    });
    return problems;
  }

  /**
   * The engine's own refusal of a bundle that passed these checks, in the same terms: file and
   * element where the engine names them, else the bundle.
   */
  List<ModelProblem> refusedByEngine(ProcessEngineException refusal) {
    List<ModelProblem> problems = new ArrayList<>();
    if (refusal instanceof ParseException parse) {
      for (ResourceReport report : parse.getResorceReports()) {
        for (Problem error : report.getErrors()) {
          problems.add(new ModelProblem(
              report.getResourceName(), error.getMainElementId(), message("model.engine.refused", error.getMessage())));
        }
      }
    }
    if (problems.isEmpty()) {
      problems.add(new ModelProblem(
          ModelDeployer.DEPLOYMENT_NAME, null, message("model.engine.refused", rootMessage(refusal))));
    }
    return problems;
  }

  private void checkProcess(String name, byte[] bytes, Set<String> formIds, List<ModelProblem> problems) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      problems.add(new ModelProblem(name, null, message("model.bpmn.unreadable", rootMessage(e))));
      return;
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(new ModelProblem(name, process.getId(), message("model.bpmn.noHistoryTimeToLive")));
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getCamundaFormRef();
      if (formRef == null) {
        problems.add(new ModelProblem(name, task.getId(), message("model.bpmn.noFormRef")));
      } else if (!formIds.contains(formRef)) {
        problems.add(new ModelProblem(name, task.getId(), message("model.bpmn.unknownForm", formRef)));
      }
    }
  }

  private void checkDecision(String name, byte[] bytes, List<ModelProblem> problems) {
    try {
      Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      problems.add(new ModelProblem(name, null, message("model.dmn.unreadable", rootMessage(e))));
    }
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, ZH);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
