package org.duban.ladder;

import java.util.Map;
import org.duban.book.ItemPageSection;
import org.duban.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The item page's escalations, latest first, each with its notices, rectification and meetings. */
@Component
class EscalationsOnItemPage implements ItemPageSection {

  private final ItemEscalations escalations;

  EscalationsOnItemPage(ItemEscalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public Map<String, Object> attributes(Long itemId, CurrentUser user) {
    return Map.of("escalations", escalations.ofItem(itemId));
  }
}
