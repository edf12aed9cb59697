package org.duban.task;

import java.util.Locale;
import org.duban.infrastructure.MessageText;
import org.springframework.context.MessageSource;

/**
 * The words of the notices this package sends about a task (a reminder, an overdue hand-over). They
 * are kept as message keys with arguments, so each reader sees them in the language of the page;
 * {@link #STORED} is the language of the wording kept beside them (e-mail, robots, old readers).
 */
final class TaskNotes {

  /** The language of the wording kept beside the keys (notifications, the item's record). */
  static final Locale STORED = Locale.SIMPLIFIED_CHINESE;

  /** A notice's title and body as keys. */
  record Words(MessageText title, MessageText body) {

    Note in(MessageSource messages, Locale locale) {
      return new Note(worded(messages, title, locale), worded(messages, body, locale));
    }

    private static String worded(MessageSource messages, MessageText text, Locale locale) {
      return messages.getMessage(text.key(), text.args().toArray(), locale);
    }
  }

  /** A notice's title and body as worded in one language. */
  record Note(String title, String body) {}

  private TaskNotes() {}

  /**
   * A task is due soon.
   *
   * @param itemTitle the title of the work item the task is about, or null
   */
  static Words reminder(String taskName, String itemTitle) {
    MessageText body =
        itemTitle == null
            ? MessageText.of("task.reminder.body", taskName)
            : MessageText.of("task.reminder.bodyOfItem", taskName, itemTitle);
    return new Words(MessageText.of("task.reminder.title", taskName), body);
  }

  static Note reminder(MessageSource messages, Locale locale, String taskName, String itemTitle) {
    return reminder(taskName, itemTitle).in(messages, locale);
  }

  /**
   * A task missed its deadline and the next person is told: to do it ({@code mayAct}) or to chase
   * it.
   *
   * @param due when it was due, as shown ("2026-02-24 09:00"), or null
   */
  static Words overdue(String taskName, String due, boolean mayAct) {
    String kind = mayAct ? "handedOver" : "chase";
    MessageText body =
        due == null
            ? MessageText.of("task.overdue.body." + kind, taskName)
            : MessageText.of("task.overdue.body." + kind + "Due", taskName, due);
    return new Words(MessageText.of("task.overdue.title." + kind, taskName), body);
  }

  static Note overdue(
      MessageSource messages, Locale locale, String taskName, String due, boolean mayAct) {
    return overdue(taskName, due, mayAct).in(messages, locale);
  }
}
