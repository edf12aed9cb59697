package org.duban.change;

import java.util.Map;
import org.duban.book.ItemPageSection;
import org.duban.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The item page's offer to propose a change (变更申请), to those who may. */
@Component
class ChangesOnItemPage implements ItemPageSection {

  private final ChangeService changes;

  ChangesOnItemPage(ChangeService changes) {
    this.changes = changes;
  }

  @Override
  public Map<String, Object> attributes(Long itemId, CurrentUser user) {
    return Map.of("mayProposeChange", changes.mayPropose(itemId, user));
  }
}
