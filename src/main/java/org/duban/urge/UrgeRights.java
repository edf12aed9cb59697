package org.duban.urge;

import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may urge an item: the supervision office, and the issuer of the item's book, while the item
 * is open. The lead department is urged, so it may not urge itself. Also the item page's question
 * whether to show the urge form ({@code @urgeRights}).
 */
@Component("urgeRights")
public class UrgeRights {

  private final WorkItemRepository workItems;

  UrgeRights(WorkItemRepository workItems) {
    this.workItems = workItems;
  }

  @Transactional(readOnly = true)
  public boolean mayUrge(Long workItemId, CurrentUser user) {
    return user != null && workItems.findById(workItemId).map(item -> mayUrge(item, user)).orElse(false);
  }

  boolean mayUrge(WorkItem item, CurrentUser user) {
    if (!item.getStage().isOpen()) {
      return false;
    }
    return user.has(Role.SUPERVISION) || item.getTaskBook().getIssuer().getUsername().equals(user.getUsername());
  }
}
