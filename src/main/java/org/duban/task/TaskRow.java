package org.duban.task;

import java.util.Date;

/**
 * One line of the "my tasks" list. {@code subject} and {@code subjectLink} name what the task is
 * about ({@link TaskSubject}); empty and null when nothing is known of it.
 */
public record TaskRow(
    String id,
    String name,
    String processName,
    String subject,
    String subjectLink,
    Long workItemId,
    Long taskBookId,
    String assignee,
    Date created,
    Date due,
    // the keys its name and its process's name are translated by (ModelWords)
    String processKey,
    String taskKey) {

  public boolean isClaimed() {
    return assignee != null;
  }
}
