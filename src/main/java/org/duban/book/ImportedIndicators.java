package org.duban.book;

import java.util.List;
import org.duban.infrastructure.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Indicators a decomposition sheet gives an item it adds to a draft. The sheet's importer has
 * checked them as the editor's form checks an indicator.
 */
@Service
public class ImportedIndicators {

  private final WorkItemRepository workItems;

  ImportedIndicators(WorkItemRepository workItems) {
    this.workItems = workItems;
  }

  /** Adds the indicators, in order, to an item of a draft book. */
  @Transactional
  public void add(Long itemId, List<IndicatorTerms> indicators) {
    if (indicators.isEmpty()) {
      return;
    }
    WorkItem item = workItems.findById(itemId).orElseThrow(NotFound::new);
    if (!item.getTaskBook().isEditable()) {
      throw new IllegalStateException(
          "indicators are imported into an editable draft only, not into item " + itemId);
    }
    for (IndicatorTerms indicator : indicators) {
      item.addIndicator(
          indicator.name(),
          indicator.unit(),
          indicator.direction(),
          indicator.baseline(),
          indicator.target());
    }
  }
}
