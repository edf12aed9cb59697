package org.duban.task;

import java.util.Collection;
import java.util.Map;

/**
 * Implemented by a feature whose records tasks are about (the book: work items and task books), and
 * registered as a Spring bean, so that the inbox, the task page, reminders and steps without Java
 * behind them can name and show what a task is about without this package knowing the feature. A
 * context a feature does not know is simply left out; the first feature that knows it answers.
 */
public interface TaskSubjects {

  /**
   * What each of these tasks' contexts is about, read at once (the inbox asks for a page of tasks
   * in a fixed number of statements). Contexts this feature has no subject for are not in the map.
   */
  Map<TaskContext, TaskSubject> subjectsOf(Collection<TaskContext> contexts);

  /**
   * What the task page shows of the subject above the form, as attributes of the page's model (the
   * task page's template reads them); empty when the context is not this feature's.
   */
  Map<String, Object> pageModel(TaskContext context);
}
