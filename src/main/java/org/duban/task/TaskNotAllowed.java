package org.duban.task;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The signed-in user may not see or act on this task: answered with 403 and why. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class TaskNotAllowed extends RuntimeException {

  private final String messageKey;

  public TaskNotAllowed(String taskId) {
    this(taskId, TaskAccess.Refusal.NOT_YOURS.messageKey());
  }

  public TaskNotAllowed(String taskId, String messageKey) {
    super("not allowed to act on task " + taskId + " (" + messageKey + ")");
    this.messageKey = messageKey;
  }

  /** The bundle key of the reason shown to the person. */
  public String messageKey() {
    return messageKey;
  }
}
