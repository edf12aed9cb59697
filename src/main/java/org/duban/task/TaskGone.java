package org.duban.task;

/** The task was completed or removed meanwhile, typically by a colleague. */
public class TaskGone extends RuntimeException {

  public TaskGone(String taskId) {
    super("task " + taskId + " is no longer open");
  }
}
