package org.duban.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.duban.audit.AuditLog;
import org.duban.org.Department;
import org.duban.org.DepartmentHeads;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a person moves to another department or leaves, their open tasks go to the head of the
 * department they leave (a deputy when they are the head); with nobody to lead it, a task goes back
 * unassigned to the department's candidate group. A task the processes create later for someone who
 * has left goes the same way (InactiveAssignees). Each move is audited as {@code task.handover} and
 * published as {@link TaskHandedOver}, so that no task, and no record naming who holds it, is left
 * with someone who no longer answers for it. It also hands a group's tasks on to another group when
 * a feature asks (an item's new lead department, {@link #handOverToGroup}); that move is the asking
 * feature's to record.
 */
@Component
public class TaskHandover {

  private static final Logger log = LoggerFactory.getLogger(TaskHandover.class);

  /** Why tasks are handed over: the audit's {@code reason}. */
  public enum Reason {
    /** The person moved to another department: their tasks stay with the one they left. */
    MOVE,
    /** The person was deactivated. */
    DEACTIVATE,
    /** A task was being created for someone already deactivated (InactiveAssignees). */
    INACTIVE_ASSIGNEE
  }

  private final TaskService taskService;
  private final DepartmentHeads heads;
  private final PersonRepository people;
  private final AuditLog auditLog;
  private final ApplicationEventPublisher events;

  TaskHandover(
      TaskService taskService,
      DepartmentHeads heads,
      PersonRepository people,
      AuditLog auditLog,
      ApplicationEventPublisher events) {
    this.taskService = taskService;
    this.heads = heads;
    this.people = people;
    this.auditLog = auditLog;
    this.events = events;
  }

  /**
   * Hands over the tasks assigned to the person and, when they leave, those offered to them alone.
   *
   * @param from the department the person leaves (their department before the change); may be null
   * @return how many tasks were handed over
   */
  @Transactional
  public int handOver(Person person, Department from, Reason reason) {
    String username = person.getUsername();
    Optional<Person> successor = successor(person, from);
    int count = 0;
    for (Task task : taskService.createTaskQuery().taskAssignee(username).list()) {
      handOver(new OpenTask(task), username, from, successor, reason, false);
      count++;
    }
    if (reason == Reason.DEACTIVATE) {
      for (Task task : offeredOnlyTo(username)) {
        taskService.deleteCandidateUser(task.getId(), username);
        handOver(new OpenTask(task), username, from, successor, reason, true);
        count++;
      }
    }
    if (count > 0) {
      log.info(
          "{} open tasks of {} handed over ({}) to {}",
          count,
          username,
          reason,
          successor
              .map(Person::getUsername)
              .orElse(from == null ? Role.ADMIN.groupId() : from.groupId()));
    }
    return count;
  }

  /**
   * Hands open tasks offered to one group on to another (an item's new lead department): each is
   * offered to the new group instead of the old one, and one that someone of the old group had
   * claimed goes back to the new group's pool. Which tasks go is the caller's business.
   *
   * @return how many tasks were handed on
   */
  public int handOverToGroup(List<Task> tasks, String fromGroup, String toGroup) {
    for (Task task : tasks) {
      taskService.deleteCandidateGroup(task.getId(), fromGroup);
      taskService.addCandidateGroup(task.getId(), toGroup);
      if (task.getAssignee() != null) {
        taskService.setAssignee(task.getId(), null);
      }
    }
    return tasks.size();
  }

  /**
   * For a task being created (its create listener): when its assignee is a Duban person who is no
   * longer active, or it is offered only to such people (candidate users, no group), the task goes
   * where their open tasks went when they left, by the same rules: the head of their department (a
   * deputy when they were the head), else the department's members, else (their department
   * deactivated too) the admins. Audited {@code task.handover} with reason {@link
   * Reason#INACTIVE_ASSIGNEE}.
   *
   * @return whether the task was handed over
   */
  @Transactional
  public boolean handOverIfHolderInactive(DelegateTask task) {
    String assignee = task.getAssignee();
    boolean offered = assignee == null || assignee.isBlank();
    Person left =
        offered
            ? offeredOnlyToPeopleWhoLeft(task)
            : people.findByUsername(assignee).filter(p -> !p.isActive()).orElse(null);
    if (left == null) {
      return false;
    }
    Department from =
        left.getDepartment() != null && left.getDepartment().isActive()
            ? left.getDepartment()
            : null;
    Optional<Person> successor = successor(left, from);
    handOver(
        new CreatedTask(task),
        left.getUsername(),
        from,
        successor,
        Reason.INACTIVE_ASSIGNEE,
        offered);
    log.info(
        "Task {} ({}) was created for {}, who is deactivated: handed to {}",
        task.getId(),
        task.getName(),
        left.getUsername(),
        successor
            .map(Person::getUsername)
            .orElse(from == null ? Role.ADMIN.groupId() : from.groupId()));
    return true;
  }

  /**
   * The first of the task's candidate users when all of them are Duban people who left and no group
   * is offered it; null when anyone else could take it. They stay candidates (the engine cannot yet
   * remove a link the task is being created with); having left, they cannot log in to take it.
   */
  private Person offeredOnlyToPeopleWhoLeft(DelegateTask task) {
    List<IdentityLink> candidates =
        task.getCandidates().stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .toList();
    if (candidates.isEmpty() || candidates.stream().anyMatch(link -> link.getGroupId() != null)) {
      return null;
    }
    List<Person> left = new ArrayList<>();
    for (IdentityLink link : candidates) {
      Person person = people.findByUsername(link.getUserId()).orElse(null);
      if (person == null || person.isActive()) {
        return null;
      }
      left.add(person);
    }
    return left.get(0);
  }

  /** Who leads the department the person leaves, other than the person themself. */
  private Optional<Person> successor(Person person, Department from) {
    return from == null
        ? Optional.empty()
        : heads.leadersOf(from.getId()).stream()
            .filter(p -> !p.getId().equals(person.getId()))
            .findFirst();
  }

  /**
   * @param offered the task was offered to the person (a candidate user), not assigned: the
   *     successor becomes a candidate user too, so that it stays theirs to take should they hand it
   *     back
   */
  private void handOver(
      HandedTask task,
      String username,
      Department from,
      Optional<Person> successor,
      Reason reason,
      boolean offered) {
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("task", task.name());
    before.put("assignee", task.assignee());
    before.put("processInstanceId", task.processInstanceId());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("task", task.name());
    after.put("reason", reason.name());
    after.put("from", username);
    Long waitsForDepartment = null;
    if (successor.isPresent()) {
      task.assign(successor.get().getUsername());
      after.put("assignee", successor.get().getUsername());
      if (offered) {
        task.offerToUser(successor.get().getUsername());
        after.put("candidateUser", successor.get().getUsername());
      }
    } else {
      task.assign(null);
      after.put("assignee", null);
      waitsForDepartment = from == null ? null : from.getId();
      if (!task.hasCandidateGroup()) {
        // nobody would see it: the department's members (or, without a department, the admins) do
        String group = from == null ? Role.ADMIN.groupId() : from.groupId();
        task.offerTo(group);
        after.put("candidateGroup", group);
      }
      log.warn(
          "Task {} ({}) of {}: {} has no head or deputy to take it; it waits unassigned for its candidate groups",
          task.id(),
          task.name(),
          username,
          from == null ? "no department" : from.getName());
    }
    auditLog.record("task.handover", "task", task.id(), before, after);
    events.publishEvent(
        new TaskHandedOver(
            task.id(),
            username,
            successor.map(Person::getUsername).orElse(null),
            waitsForDepartment,
            task::variable));
  }

  /** The few things a handover does to a task, for an open task and for one being created alike. */
  private interface HandedTask {
    String id();

    String name();

    String assignee();

    String processInstanceId();

    void assign(String username);

    boolean hasCandidateGroup();

    void offerTo(String groupId);

    void offerToUser(String username);

    Object variable(String name);
  }

  /** An open task, changed through the task service. */
  private final class OpenTask implements HandedTask {
    private final Task task;

    OpenTask(Task task) {
      this.task = task;
    }

    @Override
    public String id() {
      return task.getId();
    }

    @Override
    public String name() {
      return task.getName();
    }

    @Override
    public String assignee() {
      return task.getAssignee();
    }

    @Override
    public String processInstanceId() {
      return task.getProcessInstanceId();
    }

    @Override
    public void assign(String username) {
      taskService.setAssignee(task.getId(), username);
    }

    @Override
    public boolean hasCandidateGroup() {
      return taskService.getIdentityLinksForTask(task.getId()).stream()
          .anyMatch(
              link ->
                  IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null);
    }

    @Override
    public void offerTo(String groupId) {
      taskService.addCandidateGroup(task.getId(), groupId);
    }

    @Override
    public void offerToUser(String username) {
      taskService.addCandidateUser(task.getId(), username);
    }

    @Override
    public Object variable(String name) {
      return taskService.getVariable(task.getId(), name);
    }
  }

  /** A task in its create listener: changed directly, before anyone is told of it. */
  private static final class CreatedTask implements HandedTask {
    private final DelegateTask task;

    CreatedTask(DelegateTask task) {
      this.task = task;
    }

    @Override
    public String id() {
      return task.getId();
    }

    @Override
    public String name() {
      return task.getName();
    }

    @Override
    public String assignee() {
      return task.getAssignee();
    }

    @Override
    public String processInstanceId() {
      return task.getProcessInstanceId();
    }

    @Override
    public void assign(String username) {
      task.setAssignee(username);
    }

    @Override
    public boolean hasCandidateGroup() {
      return task.getCandidates().stream()
          .anyMatch(
              link ->
                  IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null);
    }

    @Override
    public void offerTo(String groupId) {
      task.addCandidateGroup(groupId);
    }

    @Override
    public void offerToUser(String username) {
      task.addCandidateUser(username);
    }

    @Override
    public Object variable(String name) {
      return task.getVariable(name);
    }
  }

  /**
   * Unassigned tasks whose only candidate is this person: nobody would see them once they leave.
   */
  private List<Task> offeredOnlyTo(String username) {
    List<Task> tasks = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().withCandidateUsers().taskUnassigned().list()) {
      List<IdentityLink> candidates =
          taskService.getIdentityLinksForTask(task.getId()).stream()
              .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
              .toList();
      boolean offered = candidates.stream().anyMatch(link -> username.equals(link.getUserId()));
      boolean others =
          candidates.stream()
              .anyMatch(
                  link ->
                      link.getGroupId() != null
                          || (link.getUserId() != null
                              && !username.equals(link.getUserId())
                              && isActive(link.getUserId())));
      if (offered && !others) {
        tasks.add(task);
      }
    }
    return tasks;
  }

  private boolean isActive(String username) {
    return people.findByUsername(username).filter(Person::isActive).isPresent();
  }
}
