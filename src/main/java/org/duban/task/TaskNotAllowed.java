package org.duban.task;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The signed-in user may not see or act on this task: answered with 403. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class TaskNotAllowed extends RuntimeException {

  public TaskNotAllowed(String taskId) {
    super("not allowed to act on task " + taskId);
  }
}
