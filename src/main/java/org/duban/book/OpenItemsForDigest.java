package org.duban.book;

import java.util.Arrays;
import java.util.List;
import org.duban.notification.DigestItems;
import org.springframework.stereotype.Component;

/**
 * The weekly digest's open items, read by the book that owns them: stages and lights are the book's
 * enum constants, so renaming one breaks the build here instead of miscounting the Monday digest.
 */
@Component
class OpenItemsForDigest implements DigestItems {

  private static final List<ItemStage> OPEN =
      Arrays.stream(ItemStage.values()).filter(ItemStage::isOpen).toList();

  private final WorkItemRepository items;

  OpenItemsForDigest(WorkItemRepository items) {
    this.items = items;
  }

  @Override
  public List<OpenItem> open() {
    return items.findDigestRowsByStageIn(OPEN).stream().map(OpenItemsForDigest::openItem).toList();
  }

  @Override
  public List<OpenItem> openInChargeOf(Long leaderId) {
    return items.findDigestRowsByStageInAndLeader(OPEN, leaderId).stream()
        .map(OpenItemsForDigest::openItem)
        .toList();
  }

  @Override
  public List<Long> leadersInCharge() {
    return items.findLeaderIdsByStageIn(OPEN);
  }

  private static OpenItem openItem(Object[] row) {
    return new OpenItem((Long) row[0], (String) row[1], (String) row[2], light((Light) row[3]));
  }

  /** No default: a new light must be placed in the digest before the build passes. */
  static DigestLight light(Light light) {
    if (light == null) {
      return null;
    }
    return switch (light) {
      case RED -> DigestLight.RED;
      case YELLOW -> DigestLight.YELLOW;
      case GREEN -> DigestLight.GREEN;
    };
  }
}
