package org.duban.taskbook;

import java.util.Collection;
import org.springframework.stereotype.Component;

/** Bean behind {@code ${taskBookRouting.itemIds(taskBookId)}} in the issuance process. */
@Component("taskBookRouting")
public class TaskBookRouting {

  private final TaskBookService service;

  TaskBookRouting(TaskBookService service) {
    this.service = service;
  }

  public Collection<Long> itemIds(Long taskBookId) {
    return service.itemIds(taskBookId);
  }
}
