package org.duban.book;

import org.duban.infrastructure.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An item's progress as its department reports it: the percent done of the latest check-in. */
@Service
public class ItemProgress {

  private final WorkItemRepository workItems;

  ItemProgress(WorkItemRepository workItems) {
    this.workItems = workItems;
  }

  /**
   * The item is {@code percentDone} done (kept within 0-100); whether it may go down is the
   * caller's rule.
   */
  @Transactional
  public void reported(Long itemId, int percentDone) {
    workItems.findById(itemId).orElseThrow(NotFound::new).reported(percentDone);
  }
}
