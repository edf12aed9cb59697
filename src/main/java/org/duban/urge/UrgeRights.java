package org.duban.urge;

import org.duban.book.ItemFacts;
import org.duban.book.WorkItemQueries;
import org.duban.org.Role;
import org.duban.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may urge an item: the supervision office, and the issuer of the item's book, while the item
 * is open. The lead department is urged, so it may not urge itself. Also the item page's question
 * whether to show the urge form ({@code @urgeRights}).
 */
@Component("urgeRights")
public class UrgeRights {

  private final WorkItemQueries items;

  UrgeRights(WorkItemQueries items) {
    this.items = items;
  }

  @Transactional(readOnly = true)
  public boolean mayUrge(Long workItemId, CurrentUser user) {
    return user != null && items.facts(workItemId).map(item -> mayUrge(item, user)).orElse(false);
  }

  boolean mayUrge(ItemFacts item, CurrentUser user) {
    if (!item.stage().isOpen()) {
      return false;
    }
    return user.has(Role.SUPERVISION) || item.issuerUsername().equals(user.getUsername());
  }
}
