package org.duban.workitem;

import org.duban.org.DepartmentRepository;
import org.duban.org.PersonRepository;
import org.duban.people.TaskHandedOver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the task of an open sub-task (department work's {@code doSubTask}, which carries
 * {@code subTaskId}) is handed from its person to someone else, the sub-task names who holds it now
 * (or the department whose members it waits for), in the same transaction, so the item's pages and
 * exports say who answers for it.
 */
@Component
class SubTaskHandover {

  private static final Logger log = LoggerFactory.getLogger(SubTaskHandover.class);

  private final SubTaskRepository subTasks;
  private final PersonRepository people;
  private final DepartmentRepository departments;

  SubTaskHandover(SubTaskRepository subTasks, PersonRepository people, DepartmentRepository departments) {
    this.subTasks = subTasks;
    this.people = people;
    this.departments = departments;
  }

  @EventListener
  public void handedOver(TaskHandedOver event) {
    if (!(event.variable("subTaskId") instanceof Number id)) {
      return;
    }
    SubTask subTask = subTasks.findById(id.longValue()).orElse(null);
    if (subTask == null || subTask.getStatus() != SubTask.Status.OPEN || subTask.getAssigneePerson() == null
        || !subTask.getAssigneePerson().getUsername().equals(event.fromUsername())) {
      return;
    }
    if (event.toUsername() != null) {
      people.findByUsername(event.toUsername()).ifPresent(person -> subTask.handOver(person, null));
    } else if (event.toDepartmentId() != null) {
      departments.findById(event.toDepartmentId()).ifPresent(department -> subTask.handOver(null, department));
    } else {
      // waits for the admins: the record keeps the person until someone takes the task
      return;
    }
    log.info("Sub-task {} ({}) of {} now held by {}", subTask.getId(), subTask.getTitle(), event.fromUsername(),
        subTask.assigneeName());
  }
}
