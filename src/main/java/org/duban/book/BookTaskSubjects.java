package org.duban.book;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.duban.task.TaskContext;
import org.duban.task.TaskSubject;
import org.duban.task.TaskSubjects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What tasks of the book's processes (and of every feature whose tasks carry a {@code workItemId}
 * or {@code taskBookId}: check-ins, changes, escalations) are about, for the task pages: the work
 * item when the task names one, otherwise the task book.
 */
@Component
class BookTaskSubjects implements TaskSubjects {

  private final WorkItemRepository workItems;
  private final TaskBookRepository taskBooks;
  private final WorkItemQueries itemQueries;
  private final TaskBookQueries bookQueries;

  BookTaskSubjects(
      WorkItemRepository workItems,
      TaskBookRepository taskBooks,
      WorkItemQueries itemQueries,
      TaskBookQueries bookQueries) {
    this.workItems = workItems;
    this.taskBooks = taskBooks;
    this.itemQueries = itemQueries;
    this.bookQueries = bookQueries;
  }

  /** The items and the books, each read in one statement whatever the number of tasks. */
  @Override
  @Transactional(readOnly = true)
  public Map<TaskContext, TaskSubject> subjectsOf(Collection<TaskContext> contexts) {
    Map<Long, TaskSubject> items = new HashMap<>();
    workItems
        .findAllById(
            contexts.stream()
                .map(TaskContext::workItemId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()))
        .forEach(
            w ->
                items.put(
                    w.getId(),
                    new TaskSubject(
                        w.getSeq() + " " + w.getTitle(),
                        w.getTitle(),
                        "/items/" + w.getId(),
                        w.getTaskBook().getId())));
    Map<Long, TaskSubject> books = new HashMap<>();
    taskBooks
        .findAllById(
            contexts.stream()
                .filter(c -> c.workItemId() == null && c.taskBookId() != null)
                .map(TaskContext::taskBookId)
                .collect(Collectors.toSet()))
        .forEach(
            b ->
                books.put(
                    b.getId(),
                    new TaskSubject(b.getTitle(), b.getTitle(), "/books/" + b.getId(), b.getId())));
    Map<TaskContext, TaskSubject> subjects = new HashMap<>();
    for (TaskContext context : contexts) {
      TaskSubject subject =
          context.workItemId() != null
              ? items.get(context.workItemId())
              : context.taskBookId() != null ? books.get(context.taskBookId()) : null;
      if (subject != null) {
        subjects.put(context, subject);
      }
    }
    return subjects;
  }

  /**
   * The item's facts ({@code item}, {@code neverReported}) and the book's summary with its review
   * comment ({@code book}), as the task page's template shows them.
   */
  @Override
  @Transactional(readOnly = true)
  public Map<String, Object> pageModel(TaskContext context) {
    Map<String, Object> model = new LinkedHashMap<>();
    if (context.workItemId() != null) {
      model.put("item", itemQueries.summary(context.workItemId()));
      model.put("neverReported", itemQueries.neverReported(context.workItemId()));
    }
    if (context.taskBookId() != null) {
      model.put("book", bookQueries.summary(context.taskBookId()));
    }
    return model;
  }
}
