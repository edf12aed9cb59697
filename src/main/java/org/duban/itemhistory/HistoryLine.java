package org.duban.itemhistory;

import java.time.LocalDateTime;

/**
 * One entry of an item's or a book's history as a page shows it, worded in the reader's language.
 */
public record HistoryLine(
    LocalDateTime occurredAt, String actor, String messageKey, String detail) {

  static HistoryLine of(ItemEvent event) {
    return new HistoryLine(
        event.getOccurredAt(), event.getActor(), event.messageKey(), event.getDetail());
  }
}
