package org.duban.book;

import java.util.Map;
import org.duban.security.CurrentUser;

/**
 * A feature's part of an item's page (check-ins, lights, escalations, changes). The page collects
 * every implementation, so it imports no feature, and features, which sit below the page, need not
 * know it. Called after the page has checked that the user may see the item.
 */
public interface ItemPageSection {

  /** What the section shows of the item, under the model names its part of the page reads. */
  Map<String, Object> attributes(Long itemId, CurrentUser user);
}
