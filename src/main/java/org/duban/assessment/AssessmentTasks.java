package org.duban.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.forms.FormOption;
import org.duban.infrastructure.UserError;
import org.duban.security.CurrentUser;
import org.duban.task.FormValues;
import org.duban.task.TaskContext;
import org.duban.task.TaskDecisionHandler;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user tasks of {@code yearEndAssessment}: a department reviews its score and may appeal once;
 * a leader decides the appeal; the supervision office publishes.
 */
@Component
class AssessmentTasks implements TaskDecisionHandler {

  static final String REVIEW = "reviewScore";
  static final String DECIDE = "decideAppeal";
  static final String PUBLISH = "publishResults";

  private final AssessmentService service;
  private final AssessmentResults results;
  private final TaskService taskService;
  private final RuntimeService runtime;
  private final MessageSource messages;

  AssessmentTasks(
      AssessmentService service,
      AssessmentResults results,
      TaskService taskService,
      RuntimeService runtime,
      MessageSource messages) {
    this.service = service;
    this.results = results;
    this.taskService = taskService;
    this.runtime = runtime;
    this.messages = messages;
  }

  /**
   * The assessment's open publishing task, or null (not opened in the engine, or not yet there).
   */
  @Transactional(readOnly = true)
  public Task publishTask(Long assessmentId) {
    String instance = results.assessment(assessmentId).getProcessInstanceId();
    if (instance == null) {
      return null;
    }
    return taskService
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(PUBLISH)
        .singleResult();
  }

  /**
   * The assessment's open score reviews of this department (one, unless the engine was changed by
   * hand).
   */
  @Transactional(readOnly = true)
  public List<Task> reviewTasks(Long assessmentId, Long departmentId) {
    String instance = results.assessment(assessmentId).getProcessInstanceId();
    if (instance == null) {
      return List.of();
    }
    return taskService
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(REVIEW)
        .list()
        .stream()
        .filter(t -> departmentId.equals(taskService.getVariable(t.getId(), "departmentId")))
        .toList();
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(REVIEW, DECIDE, PUBLISH);
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Object> prefill(Task task, TaskContext context) {
    Long assessmentId = id(task, AssessmentService.ASSESSMENT_ID);
    AssessmentResults.Overview overview = results.overview(assessmentId);
    Map<String, Object> values = new HashMap<>();
    if (PUBLISH.equals(task.getTaskDefinitionKey())) {
      values.put(
          "resultSummary",
          overview.departments().stream()
              .map(d -> d.name() + "：" + d.score().toPlainString() + message("assessment.points"))
              .collect(Collectors.joining("\n")));
      List<String> unanswered = unansweredDepartments(task, overview);
      values.put(
          "reviewNote",
          unanswered.isEmpty()
              ? message("assessment.publish.allAnswered")
              : messages.getMessage(
                  "assessment.publish.unanswered",
                  new Object[] {String.join("、", unanswered)},
                  LocaleContextHolder.getLocale()));
      return values;
    }
    AssessmentResults.DepartmentResult department = overview.department(id(task, "departmentId"));
    String summary = summary(department);
    values.put("scoreSummary", summary);
    if (DECIDE.equals(task.getTaskDefinitionKey())
        && department != null
        && department.appeal() != null) {
      AssessmentAppeal appeal = department.appeal();
      String about =
          department.items().stream()
              .filter(i -> i.workItemId().equals(appeal.getWorkItemId()))
              .map(i -> i.seq() + " " + i.title())
              .findFirst()
              .orElse(message("assessment.appeal.wholeScore"));
      values.put(
          "appealSummary",
          summary
              + "\n\n"
              + message("assessment.appeal.about")
              + about
              + "\n"
              + message("assessment.appeal.reason")
              + appeal.getReason());
    }
    return values;
  }

  private String summary(AssessmentResults.DepartmentResult department) {
    if (department == null) {
      return "";
    }
    StringBuilder text =
        new StringBuilder(department.name())
            .append(message("assessment.departmentScore"))
            .append(department.score().toPlainString())
            .append(message("assessment.points"));
    for (AssessmentResults.ItemRow item : department.items()) {
      text.append("\n")
          .append(item.seq())
          .append(" ")
          .append(item.title())
          .append("：")
          .append(item.finalScore().toPlainString())
          .append(message("assessment.points"))
          .append("（")
          .append(item.reasons())
          .append("）");
    }
    return text.toString();
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, List<FormOption>> options(Task task, TaskContext context) {
    if (PUBLISH.equals(task.getTaskDefinitionKey())) {
      return Map.of();
    }
    AssessmentResults.DepartmentResult department =
        results
            .overview(id(task, AssessmentService.ASSESSMENT_ID))
            .department(id(task, "departmentId"));
    List<FormOption> items =
        department == null
            ? List.of()
            : department.items().stream()
                .map(
                    i ->
                        FormOption.of(
                            i.workItemId().toString(),
                            i.seq() + " " + i.title() + "（" + i.finalScore().toPlainString() + "）"))
                .toList();
    return Map.of("assessmentItemOptions", items);
  }

  @Override
  @Transactional
  public void complete(
      Task task, TaskContext context, Map<String, Object> values, CurrentUser user) {
    Long assessmentId = id(task, AssessmentService.ASSESSMENT_ID);
    switch (task.getTaskDefinitionKey()) {
      case REVIEW -> {
        Long departmentId = id(task, "departmentId");
        String response = FormValues.text(values, AssessmentService.RESPONSE);
        if (!"accept".equals(response) && !"appeal".equals(response)) {
          throw UserError.at(AssessmentService.RESPONSE, "decision.unknown");
        }
        if ("appeal".equals(response)) {
          service.appeal(
              assessmentId,
              departmentId,
              itemId(values, "appealItem"),
              FormValues.text(values, "appealReason"),
              user);
        }
        // the answer belongs to this department's branch of the multi-instance, not to the whole
        // process:
        // the branch declares it (an input parameter of departmentReview) and the task's own scope
        // (it has timers) hands it up to there
        runtime.setVariable(task.getExecutionId(), AssessmentService.RESPONSE, response);
        taskService.complete(task.getId());
      }
      case DECIDE -> {
        service.decide(
            assessmentId,
            id(task, "departmentId"),
            FormValues.text(values, "appealDecision"),
            itemId(values, "changedItem"),
            FormValues.decimal(values, "newScore"),
            FormValues.text(values, "decisionReason"),
            user);
        taskService.complete(task.getId());
      }
      case PUBLISH -> {
        service.publish(
            assessmentId,
            FormValues.text(values, "publishComment"),
            user,
            unansweredDepartments(task, results.overview(assessmentId)));
        taskService.complete(task.getId());
      }
      default ->
          throw new IllegalStateException("not an assessment task: " + task.getTaskDefinitionKey());
    }
  }

  /**
   * The departments whose review went unanswered and counted as accepted
   * (DeemScoreAcceptedDelegate).
   */
  List<String> unansweredDepartments(Task task, AssessmentResults.Overview overview) {
    return DeemScoreAcceptedDelegate.departmentIds(
            taskService.getVariable(task.getId(), DeemScoreAcceptedDelegate.UNANSWERED))
        .stream()
        .map(
            id -> {
              AssessmentResults.DepartmentResult department = overview.department(id);
              return department == null ? String.valueOf(id) : department.name();
            })
        .toList();
  }

  private static Long itemId(Map<String, Object> values, String key) {
    String text = FormValues.text(values, key);
    if (text == null) {
      return null;
    }
    try {
      return Long.valueOf(text);
    } catch (NumberFormatException e) {
      throw UserError.at(key, "assessment.item.notOfDepartment");
    }
  }

  private Long id(Task task, String variable) {
    Object id = taskService.getVariable(task.getId(), variable);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("task " + task.getId() + " has no " + variable + " variable");
    }
    return number.longValue();
  }

  private String message(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
