package org.duban.book;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.book.DepartmentWorkService.SubTaskPlan;
import org.duban.forms.FormOption;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.org.DepartmentRepository;
import org.duban.org.PersonRepository;
import org.duban.security.CurrentUser;
import org.duban.task.FormValues;
import org.duban.task.TaskContext;
import org.duban.task.TaskDecisionHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The user tasks of the department-work process. */
@Component
class WorkItemTasks implements TaskDecisionHandler {

  static final String CLAIM = "claimItem";
  static final String RESOLVE_DISPUTE = "resolveDispute";
  static final String BREAK_DOWN = "breakDownItem";
  static final String SUB_TASK = "doSubTask";
  static final String COMPLETION = "submitCompletionReport";
  static final String ACCEPT = "acceptItem";

  private final DepartmentWorkService service;
  private final WorkItemRepository workItems;
  private final SubTaskRepository subTasks;
  private final DepartmentRepository departments;
  private final PersonRepository people;
  private final TaskService taskService;

  WorkItemTasks(
      DepartmentWorkService service,
      WorkItemRepository workItems,
      SubTaskRepository subTasks,
      DepartmentRepository departments,
      PersonRepository people,
      TaskService taskService) {
    this.service = service;
    this.workItems = workItems;
    this.subTasks = subTasks;
    this.departments = departments;
    this.people = people;
    this.taskService = taskService;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(CLAIM, RESOLVE_DISPUTE, BREAK_DOWN, SUB_TASK, COMPLETION, ACCEPT);
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Object> prefill(Task task, TaskContext context) {
    Map<String, Object> values = new HashMap<>();
    if (context.subTaskId() != null) {
      SubTask subTask = subTasks.findById(context.subTaskId()).orElseThrow(NotFound::new);
      values.put("subTaskTitle", subTask.getTitle());
      values.put("subTaskDueDate", subTask.getDueDate().toString());
    }
    return values;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, List<FormOption>> options(Task task, TaskContext context) {
    WorkItem item = workItems.findById(context.requireWorkItemId()).orElseThrow(NotFound::new);
    return switch (task.getTaskDefinitionKey()) {
      case RESOLVE_DISPUTE -> Map.of("departmentOptions", departmentOptions(item));
      case BREAK_DOWN -> Map.of("assigneeOptions", assigneeOptions(item));
      default -> Map.of();
    };
  }

  private List<FormOption> departmentOptions(WorkItem item) {
    return departments.findByActiveTrueOrderByIdAsc().stream()
        .filter(d -> !d.getId().equals(item.getLeadDepartment().getId()))
        .map(d -> new FormOption(d.getId().toString(), d.getName()))
        .toList();
  }

  private List<FormOption> assigneeOptions(WorkItem item) {
    List<FormOption> options = new ArrayList<>();
    people
        .findByDepartmentIdAndActiveTrueOrderByIdAsc(item.getLeadDepartment().getId())
        .forEach(
            p ->
                options.add(
                    new FormOption(
                        DepartmentWorkService.USER_PREFIX + p.getUsername(), p.getFullName())));
    item.getCollaborators()
        .forEach(
            d ->
                options.add(
                    new FormOption(
                        DepartmentWorkService.DEPT_PREFIX + d.getId(),
                        MessageText.of("item.assignee.collaborator", d.getName())
                            .in(MessageTexts.readerLocale()))));
    return options;
  }

  @Override
  @Transactional
  public void complete(
      Task task, TaskContext context, Map<String, Object> values, CurrentUser user) {
    String actor = user.getUsername();
    switch (task.getTaskDefinitionKey()) {
      case CLAIM -> claimOrDispute(task, context.requireWorkItemId(), values, actor);
      case RESOLVE_DISPUTE -> resolveDispute(task, context.requireWorkItemId(), values, actor);
      case BREAK_DOWN -> {
        service.breakDown(context.requireWorkItemId(), actor, plans(values));
        taskService.complete(task.getId());
      }
      case SUB_TASK -> {
        service.subTaskDone(context.subTaskId(), actor, FormValues.requiredText(values, "report"));
        taskService.complete(task.getId());
      }
      case COMPLETION -> {
        service.reportCompletion(
            context.requireWorkItemId(),
            actor,
            FormValues.requiredText(values, "completionSummary"));
        taskService.complete(task.getId());
      }
      case ACCEPT -> acceptOrRework(task, context.requireWorkItemId(), values, actor);
      default -> throw new IllegalArgumentException(task.getTaskDefinitionKey());
    }
  }

  private void claimOrDispute(Task task, Long itemId, Map<String, Object> values, String actor) {
    String decision = FormValues.text(values, "claimDecision");
    if ("claim".equals(decision)) {
      service.claim(itemId, actor);
    } else if ("dispute".equals(decision)) {
      service.dispute(itemId, actor, FormValues.requiredText(values, "disputeReason"));
    } else {
      throw UserError.at("claimDecision", "decision.unknown");
    }
    taskService.complete(task.getId(), Map.of("claimDecision", decision));
  }

  private void resolveDispute(Task task, Long itemId, Map<String, Object> values, String actor) {
    String decision = FormValues.text(values, "disputeResolution");
    String comment = FormValues.text(values, "resolutionComment");
    if ("reassign".equals(decision)) {
      String department = FormValues.text(values, "newLeadDepartment");
      if (department == null) {
        throw UserError.at("newLeadDepartment", "decision.departmentRequired");
      }
      service.reassign(itemId, actor, Long.valueOf(department), comment);
    } else if ("insist".equals(decision)) {
      service.upholdAssignment(itemId, actor, comment);
    } else {
      throw UserError.at("disputeResolution", "decision.unknown");
    }
    taskService.complete(task.getId(), Map.of("disputeResolution", decision));
  }

  private void acceptOrRework(Task task, Long itemId, Map<String, Object> values, String actor) {
    String decision = FormValues.text(values, "acceptDecision");
    if ("accept".equals(decision)) {
      service.accept(itemId, actor, FormValues.text(values, "acceptanceComment"));
    } else if ("rework".equals(decision)) {
      service.sendBackForRework(
          itemId, actor, FormValues.requiredText(values, "acceptanceComment"));
    } else {
      throw UserError.at("acceptDecision", "decision.unknown");
    }
    taskService.complete(task.getId(), Map.of("acceptDecision", decision));
  }

  private static List<SubTaskPlan> plans(Map<String, Object> values) {
    List<SubTaskPlan> plans = new ArrayList<>();
    for (Map<String, Object> row : FormValues.rows(values, "subTasks")) {
      plans.add(
          new SubTaskPlan(
              FormValues.text(row, "title"),
              FormValues.text(row, "assignee"),
              FormValues.date(row, "dueDate")));
    }
    return plans;
  }
}
