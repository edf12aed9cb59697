package org.duban.book;

import java.util.Collection;
import org.springframework.stereotype.Component;

/** Bean behind {@code ${taskBookRouting.…(taskBookId)}} in the issuance process. */
@Component("taskBookRouting")
public class TaskBookRouting {

  private final TaskBookService service;

  TaskBookRouting(TaskBookService service) {
    this.service = service;
  }

  public Collection<Long> itemIds(Long taskBookId) {
    return service.itemIds(taskBookId);
  }

  /** Whether the book has a responsible party that signs it (责任书). */
  public boolean needsSigning(Long taskBookId) {
    return service.needsSigning(taskBookId);
  }

  /** The responsible department's group, for a department's book; otherwise empty. */
  public Collection<String> signingGroups(Long taskBookId) {
    return service.signingGroups(taskBookId);
  }

  /** The responsible person's username, for a leader's book; otherwise empty. */
  public Collection<String> signingUsers(Long taskBookId) {
    return service.signingUsers(taskBookId);
  }
}
