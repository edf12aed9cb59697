package org.duban.task;

import java.util.function.Function;

/**
 * Published (synchronously, in the handover's transaction) for each task {@link TaskHandover} hands
 * on, so that domain records naming the previous holder follow: e.g. a sub-task's assignee.
 *
 * @param fromUsername who held the task before
 * @param toUsername who holds it now; null when it waits unassigned for a group
 * @param toDepartmentId when nobody holds it: the department whose members it waits for; null when
 *     it waits for the admins
 * @param variables the task's variables as the task sees them (its execution's and parents'), by
 *     name
 */
public record TaskHandedOver(
    String taskId,
    String fromUsername,
    String toUsername,
    Long toDepartmentId,
    Function<String, Object> variables) {

  /** The task's variable, or null. */
  public Object variable(String name) {
    return variables.apply(name);
  }
}
