package org.duban.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a person moves to another department or leaves, their open tasks go to the head of the
 * department they leave (a deputy when they are the head); with nobody to lead it, a task goes back
 * unassigned to the department's candidate group. Each move is audited as {@code task.handover}, so
 * that no task is left with someone who no longer answers for it.
 */
@Component
class TaskHandover {

  private static final Logger log = LoggerFactory.getLogger(TaskHandover.class);

  /** Why tasks are handed over: audit values and message keys {@code people.handover.<reason>}. */
  enum Reason {
    MOVE,
    DEACTIVATE
  }

  private final TaskService taskService;
  private final DepartmentHeads heads;
  private final PersonRepository people;
  private final AuditLog auditLog;

  TaskHandover(TaskService taskService, DepartmentHeads heads, PersonRepository people, AuditLog auditLog) {
    this.taskService = taskService;
    this.heads = heads;
    this.people = people;
    this.auditLog = auditLog;
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
    Optional<Person> successor = from == null
        ? Optional.empty()
        : heads.leadersOf(from.getId()).stream().filter(p -> !p.getId().equals(person.getId())).findFirst();
    int count = 0;
    for (Task task : taskService.createTaskQuery().taskAssignee(username).list()) {
      handOver(task, username, from, successor, reason);
      count++;
    }
    if (reason == Reason.DEACTIVATE) {
      for (Task task : offeredOnlyTo(username)) {
        taskService.deleteCandidateUser(task.getId(), username);
        handOver(task, username, from, successor, reason);
        count++;
      }
    }
    if (count > 0) {
      log.info("{} open tasks of {} handed over ({}) to {}", count, username, reason,
          successor.map(Person::getUsername).orElse(from == null ? Role.ADMIN.groupId() : from.groupId()));
    }
    return count;
  }

  private void handOver(Task task, String username, Department from, Optional<Person> successor, Reason reason) {
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("task", task.getName());
    before.put("assignee", task.getAssignee());
    before.put("processInstanceId", task.getProcessInstanceId());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("task", task.getName());
    after.put("reason", reason.name());
    after.put("from", username);
    if (successor.isPresent()) {
      taskService.setAssignee(task.getId(), successor.get().getUsername());
      after.put("assignee", successor.get().getUsername());
    } else {
      taskService.setAssignee(task.getId(), null);
      after.put("assignee", null);
      if (!hasCandidateGroup(task)) {
        // nobody would see it: the department's members (or, without a department, the admins) do
        String group = from == null ? Role.ADMIN.groupId() : from.groupId();
        taskService.addCandidateGroup(task.getId(), group);
        after.put("candidateGroup", group);
      }
      log.warn("Task {} ({}) of {}: {} has no head or deputy to take it; it waits unassigned for its candidate groups",
          task.getId(), task.getName(), username, from == null ? "no department" : from.getName());
    }
    auditLog.record("task.handover", "task", task.getId(), before, after);
  }

  /** Unassigned tasks whose only candidate is this person: nobody would see them once they leave. */
  private List<Task> offeredOnlyTo(String username) {
    List<Task> tasks = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().withCandidateUsers().taskUnassigned().list()) {
      List<IdentityLink> candidates = taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
          .toList();
      boolean offered = candidates.stream().anyMatch(link -> username.equals(link.getUserId()));
      boolean others = candidates.stream().anyMatch(link -> link.getGroupId() != null
          || (link.getUserId() != null && !username.equals(link.getUserId()) && isActive(link.getUserId())));
      if (offered && !others) {
        tasks.add(task);
      }
    }
    return tasks;
  }

  private boolean hasCandidateGroup(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null);
  }

  private boolean isActive(String username) {
    return people.findByUsername(username).filter(Person::isActive).isPresent();
  }
}
