package org.duban.task;

/**
 * What a task is about, as the inbox and the reminders name it: a feature's record (a work item, a
 * task book) that the task's process variables point to.
 *
 * @param label how the inbox lists it, e.g. an item with its number before its title
 * @param title its title alone, as a sentence names it
 * @param link the page it is about, a path in Duban, e.g. {@code /items/7}
 * @param taskBookId the book whose record keeps what is done about it (the item's history); may be
 *     null
 */
public record TaskSubject(String label, String title, String link, Long taskBookId) {}
