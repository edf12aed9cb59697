package org.duban.book;

import java.util.List;
import org.duban.infrastructure.MessageText;

/** Several texts of one history entry, joined with the reader's list separator (；or ;). */
final class HistoryTexts {

  private HistoryTexts() {}

  static MessageText joined(List<MessageText> parts) {
    if (parts.isEmpty()) {
      return MessageText.of("text.empty");
    }
    MessageText joined = parts.get(parts.size() - 1);
    for (int i = parts.size() - 2; i >= 0; i--) {
      joined = MessageText.of("text.joinedItems", parts.get(i), joined);
    }
    return joined;
  }
}
