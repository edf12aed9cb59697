package org.duban.task;

import java.util.Date;

/** One line of the "my tasks" list. */
public record TaskRow(
    String id,
    String name,
    String processName,
    String subject,
    Long workItemId,
    Long taskBookId,
    String assignee,
    Date created,
    Date due) {

  public boolean isClaimed() {
    return assignee != null;
  }
}
