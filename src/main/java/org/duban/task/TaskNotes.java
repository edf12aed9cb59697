package org.duban.task;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The words of the notices this package sends about a task (a reminder, an overdue hand-over), from
 * the message bundle in the given language. A notification keeps its text as sent, and people have
 * no language of their own yet: the senders write them in {@link #STORED}, the hospital's language.
 */
final class TaskNotes {

  /** The language of texts kept for later reading (notifications, the item's record). */
  static final Locale STORED = Locale.SIMPLIFIED_CHINESE;

  /** A notice's title and body. */
  record Note(String title, String body) {}

  private TaskNotes() {}

  /**
   * A task is due soon.
   *
   * @param itemTitle the title of the work item the task is about, or null
   */
  static Note reminder(MessageSource messages, Locale locale, String taskName, String itemTitle) {
    String body = itemTitle == null
        ? messages.getMessage("task.reminder.body", new Object[] {taskName}, locale)
        : messages.getMessage("task.reminder.bodyOfItem", new Object[] {taskName, itemTitle}, locale);
    return new Note(messages.getMessage("task.reminder.title", new Object[] {taskName}, locale), body);
  }

  /**
   * A task missed its deadline and the next person is told: to do it ({@code mayAct}) or to chase it.
   *
   * @param due when it was due, as shown ("2026-02-24 09:00"), or null
   */
  static Note overdue(MessageSource messages, Locale locale, String taskName, String due, boolean mayAct) {
    String kind = mayAct ? "handedOver" : "chase";
    String body = due == null
        ? messages.getMessage("task.overdue.body." + kind, new Object[] {taskName}, locale)
        : messages.getMessage("task.overdue.body." + kind + "Due", new Object[] {taskName, due}, locale);
    return new Note(messages.getMessage("task.overdue.title." + kind, new Object[] {taskName}, locale), body);
  }
}
