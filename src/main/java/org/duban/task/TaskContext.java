package org.duban.task;

/**
 * The domain ids a task belongs to, read from its process variables: the book, the item, the
 * sub-task. Any may be null.
 */
public record TaskContext(Long taskBookId, Long workItemId, Long subTaskId) {

  public Long requireWorkItemId() {
    if (workItemId == null) {
      throw new IllegalStateException("task has no workItemId variable");
    }
    return workItemId;
  }

  public Long requireTaskBookId() {
    if (taskBookId == null) {
      throw new IllegalStateException("task has no taskBookId variable");
    }
    return taskBookId;
  }
}
