package org.duban.book;

import org.duban.infrastructure.MessageText;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemHistory;
import org.duban.org.DepartmentRepository;
import org.duban.org.PersonRepository;
import org.duban.task.TaskHandedOver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * When the task of an open sub-task (department work's {@code doSubTask}, which carries {@code
 * subTaskId}) is handed from its person to someone else, the sub-task names who holds it now (or
 * the department whose members it waits for), in the same transaction, so the item's pages and
 * exports say who answers for it; the item's timeline shows the change (SUBTASK_HANDED_OVER).
 */
@Component
class SubTaskHandover {

  private static final Logger log = LoggerFactory.getLogger(SubTaskHandover.class);

  private final SubTaskRepository subTasks;
  private final PersonRepository people;
  private final DepartmentRepository departments;
  private final ItemHistory history;

  SubTaskHandover(
      SubTaskRepository subTasks,
      PersonRepository people,
      DepartmentRepository departments,
      ItemHistory history) {
    this.subTasks = subTasks;
    this.people = people;
    this.departments = departments;
    this.history = history;
  }

  @EventListener
  public void handedOver(TaskHandedOver event) {
    if (!(event.variable("subTaskId") instanceof Number id)) {
      return;
    }
    SubTask subTask = subTasks.findById(id.longValue()).orElse(null);
    if (subTask == null
        || subTask.getStatus() != SubTask.Status.OPEN
        || subTask.getAssigneePerson() == null
        || !subTask.getAssigneePerson().getUsername().equals(event.fromUsername())) {
      return;
    }
    String before = subTask.assigneeName();
    if (event.toUsername() != null) {
      people.findByUsername(event.toUsername()).ifPresent(person -> subTask.handOver(person, null));
    } else if (event.toDepartmentId() != null) {
      departments
          .findById(event.toDepartmentId())
          .ifPresent(department -> subTask.handOver(null, department));
    } else {
      // waits for the admins: the record keeps the person until someone takes the task
      return;
    }
    WorkItem item = subTask.getWorkItem();
    history.itemEvent(
        item.getId(),
        item.getTaskBook().getId(),
        actor(),
        EventKind.SUBTASK_HANDED_OVER,
        MessageText.of(
            "history.subTask.handedOver", subTask.getTitle(), before, subTask.assigneeName()));
    log.info(
        "Sub-task {} ({}) of {} now held by {}",
        subTask.getId(),
        subTask.getTitle(),
        event.fromUsername(),
        subTask.assigneeName());
  }

  /**
   * Whoever's change it follows (the admin), or the system (a process step with nobody signed in).
   */
  private static String actor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null
            || !authentication.isAuthenticated()
            || authentication instanceof AnonymousAuthenticationToken
        ? ItemHistory.SYSTEM
        : authentication.getName();
  }
}
