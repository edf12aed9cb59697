package org.duban.book;

import java.util.List;

/**
 * An item with the items that break it down in the books below, and what rolls up from them: the
 * progress is the mean of the children's, the light the worst of its own and theirs.
 */
public record ItemNode(ItemSummary item, int progress, Light light, List<ItemNode> children) {

  public String lightClass() {
    return light == null ? "light-none" : "light-" + light.name().toLowerCase();
  }
}
