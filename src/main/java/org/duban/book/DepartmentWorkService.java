package org.duban.book;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemHistory;
import org.duban.org.Department;
import org.duban.org.DepartmentRepository;
import org.duban.org.EmptyDepartments;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lead department's work on an item: claim or dispute, break down, report, acceptance. */
@Service
public class DepartmentWorkService {

  private static final Logger log = LoggerFactory.getLogger(DepartmentWorkService.class);

  static final String USER_PREFIX = "user:";
  static final String DEPT_PREFIX = "dept:";

  private final WorkItemRepository workItems;
  private final SubTaskRepository subTasks;
  private final DepartmentRepository departments;
  private final PersonRepository people;
  private final ItemHistory history;
  private final ApplicationEventPublisher events;
  private final EmptyDepartments emptyDepartments;
  private final RuntimeService runtimeService;

  /**
   * department-work.bpmn: the process of an item, and the message of its cancellation subprocess.
   */
  static final String PROCESS_KEY = "departmentWork";

  static final String MESSAGE_ITEM_CANCELLED = "itemCancelled";

  DepartmentWorkService(
      WorkItemRepository workItems,
      SubTaskRepository subTasks,
      DepartmentRepository departments,
      PersonRepository people,
      ItemHistory history,
      ApplicationEventPublisher events,
      EmptyDepartments emptyDepartments,
      RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
    this.emptyDepartments = emptyDepartments;
    this.workItems = workItems;
    this.subTasks = subTasks;
    this.departments = departments;
    this.people = people;
    this.history = history;
    this.events = events;
  }

  /** One sub-task row of the breakdown form. */
  public record SubTaskPlan(String title, String assignee, LocalDate dueDate) {}

  @Transactional
  public void claim(Long itemId, String actor) {
    WorkItem item = item(itemId);
    item.movedTo(ItemStage.BREAKDOWN);
    event(item, actor, EventKind.ITEM_CLAIMED, item.getLeadDepartment().getName());
  }

  @Transactional
  public void dispute(Long itemId, String actor, String reason) {
    WorkItem item = item(itemId);
    item.movedTo(ItemStage.DISPUTED);
    event(item, actor, EventKind.ITEM_DISPUTED, reason);
  }

  @Transactional
  public void reassign(Long itemId, String actor, Long departmentId, String comment) {
    WorkItem item = item(itemId);
    Department department =
        departments
            .findById(departmentId)
            .filter(Department::isActive)
            .orElseThrow(() -> UserError.at("newLeadDepartment", "item.department.unknown"));
    if (department.getId().equals(item.getLeadDepartment().getId())) {
      throw UserError.at("newLeadDepartment", "dispute.sameDepartment");
    }
    // handing the item to a department nobody could act for is refused as issuing to it is
    if (emptyDepartments.refusesWorkFor(department.getId())) {
      throw UserError.at("newLeadDepartment", "book.issue.emptyDepartments", department.getName());
    }
    String from = item.getLeadDepartment().getName();
    item.reassignTo(department);
    item.movedTo(ItemStage.AWAITING_CLAIM);
    event(
        item,
        actor,
        EventKind.ITEM_REASSIGNED,
        comment == null
            ? MessageText.of("history.reassigned", from, department.getName())
            : MessageText.of("history.reassignedWithComment", from, department.getName(), comment));
    if (emptyDepartments.isEmpty(department.getId())) {
      event(item, actor, EventKind.ITEM_ROUTED_TO_SUPERVISION, department.getName());
    }
  }

  @Transactional
  public void upholdAssignment(Long itemId, String actor, String comment) {
    WorkItem item = item(itemId);
    item.movedTo(ItemStage.AWAITING_CLAIM);
    event(item, actor, EventKind.ITEM_ASSIGNMENT_UPHELD, comment);
  }

  @Transactional
  public List<SubTask> breakDown(Long itemId, String actor, List<SubTaskPlan> plans) {
    WorkItem item = item(itemId);
    if (plans.isEmpty()) {
      throw UserError.at("subTasks", "breakdown.empty");
    }
    LocalDate today = EngineClock.today();
    List<SubTask> created = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      SubTaskPlan plan = plans.get(i);
      String field = "subTasks[" + i + "].";
      if (plan.dueDate().isBefore(today) || plan.dueDate().isAfter(item.getDeadline())) {
        throw UserError.at(field + "dueDate", "breakdown.dueDate.range", today, item.getDeadline());
      }
      SubTask subTask = resolveAssignee(item, plan, field, today);
      created.add(subTasks.save(subTask));
    }
    item.movedTo(ItemStage.IN_PROGRESS);
    event(
        item,
        actor,
        EventKind.ITEM_BROKEN_DOWN,
        HistoryTexts.joined(
            created.stream()
                .map(
                    t -> MessageText.of("history.subTask.assigned", t.getTitle(), t.assigneeName()))
                .toList()));
    return created;
  }

  private SubTask resolveAssignee(WorkItem item, SubTaskPlan plan, String field, LocalDate today) {
    String assignee = plan.assignee() == null ? "" : plan.assignee();
    if (assignee.startsWith(USER_PREFIX)) {
      Person person =
          people
              .findByUsername(assignee.substring(USER_PREFIX.length()))
              .filter(Person::isActive)
              .filter(
                  p ->
                      p.getDepartment() != null
                          && p.getDepartment().getId().equals(item.getLeadDepartment().getId()))
              .orElseThrow(() -> UserError.at(field + "assignee", "breakdown.assignee.invalid"));
      return new SubTask(item, plan.title(), person, null, plan.dueDate(), EngineClock.now());
    }
    if (assignee.startsWith(DEPT_PREFIX)) {
      Department department =
          item.getCollaborators().stream()
              .filter(d -> assignee.equals(DEPT_PREFIX + d.getId()))
              .findFirst()
              .orElseThrow(() -> UserError.at(field + "assignee", "breakdown.assignee.invalid"));
      // a sub-task's group is the department's own (never the supervision office's): nobody in it,
      // nobody does it
      if (emptyDepartments.isEmpty(department.getId())) {
        throw UserError.at(field + "assignee", "book.issue.emptyDepartments", department.getName());
      }
      return new SubTask(item, plan.title(), null, department, plan.dueDate(), EngineClock.now());
    }
    throw UserError.at(field + "assignee", "breakdown.assignee.invalid");
  }

  @Transactional
  public void subTaskDone(Long subTaskId, String actor, String report) {
    SubTask subTask = subTasks.findById(subTaskId).orElseThrow(NotFound::new);
    subTask.done(report, actor, EngineClock.now());
    event(
        subTask.getWorkItem(),
        actor,
        EventKind.SUBTASK_DONE,
        MessageText.of("history.subTask.done", subTask.getTitle(), report));
  }

  @Transactional
  public void reportCompletion(Long itemId, String actor, String summary) {
    WorkItem item = item(itemId);
    item.movedTo(ItemStage.REPORTED);
    item.reported(100);
    event(item, actor, EventKind.COMPLETION_REPORTED, summary);
  }

  @Transactional
  public void accept(Long itemId, String actor, String comment) {
    event(item(itemId), actor, EventKind.ITEM_ACCEPTED, comment);
  }

  @Transactional
  public void sendBackForRework(Long itemId, String actor, String comment) {
    WorkItem item = item(itemId);
    item.movedTo(ItemStage.IN_PROGRESS);
    event(item, actor, EventKind.ITEM_SENT_BACK, comment);
  }

  /** Called by the process after acceptance. */
  @Transactional
  public void close(Long itemId) {
    WorkItem item = item(itemId);
    if (item.getStage() == ItemStage.CLOSED) {
      return;
    }
    item.closed(EngineClock.now());
    event(item, ItemHistory.SYSTEM, EventKind.ITEM_CLOSED, (String) null);
    // whatever still chases the item (an escalation) ends with it, in this transaction
    events.publishEvent(new WorkItemClosed(itemId, WorkItemClosed.Why.ACCEPTED));
    log.info("work item {} closed", itemId);
  }

  /**
   * An approved change request cancels (撤销) the item: it leaves every open list (stage CANCELLED),
   * its open sub-tasks end, its department-work process ends through the {@code itemCancelled}
   * event subprocess (which ends every open task of it), the history says why, and {@link
   * WorkItemClosed} ends an open escalation in this same transaction. Cancelling a cancelled item
   * again does nothing; an item already closed (accepted) stays closed.
   */
  @Transactional
  public boolean cancel(Long itemId, String actor, String reason) {
    WorkItem item = item(itemId);
    if (!item.getStage().isOpen()) {
      log.info("work item {} is {}: not cancelled", itemId, item.getStage());
      return false;
    }
    item.cancelled();
    subTasks
        .findByWorkItemIdAndStatusOrderByIdAsc(itemId, SubTask.Status.OPEN)
        .forEach(SubTask::cancelled);
    workItems.flush();
    event(item, actor, EventKind.ITEM_CANCELLED, reason);
    endDepartmentWork(itemId, reason);
    events.publishEvent(new WorkItemClosed(itemId, WorkItemClosed.Why.CANCELLED));
    log.info("work item {} cancelled by {}", itemId, actor);
    return true;
  }

  /**
   * Ends the item's department-work instance: by its message event subprocess where the deployed
   * version has one (the instance then ends normally, so the book's process goes on as after the
   * last item closing); an instance of an older version without it is deleted with the reason.
   */
  private void endDepartmentWork(Long itemId, String reason) {
    List<ProcessInstance> instances =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .processInstanceBusinessKey("item-" + itemId)
            .list();
    for (ProcessInstance instance : instances) {
      boolean listens =
          runtimeService
                  .createEventSubscriptionQuery()
                  .processInstanceId(instance.getId())
                  .eventType("message")
                  .eventName(MESSAGE_ITEM_CANCELLED)
                  .count()
              > 0;
      if (listens) {
        runtimeService
            .createMessageCorrelation(MESSAGE_ITEM_CANCELLED)
            .processInstanceId(instance.getId())
            .correlate();
      } else {
        runtimeService.deleteProcessInstance(
            instance.getId(), "item cancelled by a change: " + reason);
        log.warn(
            "department work {} of item {} predates itemCancelled: deleted",
            instance.getId(),
            itemId);
      }
    }
  }

  private WorkItem item(Long itemId) {
    return workItems.findById(itemId).orElseThrow(NotFound::new);
  }

  private void event(WorkItem item, String actor, EventKind kind, String detail) {
    history.itemEvent(item.getId(), item.getTaskBook().getId(), actor, kind, detail);
  }

  private void event(WorkItem item, String actor, EventKind kind, MessageText detail) {
    history.itemEvent(item.getId(), item.getTaskBook().getId(), actor, kind, detail);
  }
}
