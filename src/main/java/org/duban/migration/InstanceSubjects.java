package org.duban.migration;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.book.TaskBookRepository;
import org.duban.book.WorkItemRepository;
import org.duban.migration.MigrationPreview.Subject;
import org.springframework.stereotype.Component;

/**
 * What a running instance is about, for the migration preview: the work item it carries (variable
 * {@code workItemId}, or business key {@code item-<id>}), else its task book ({@code taskBookId},
 * or {@code book-<id>}), by title with the address of its page; null for instances about neither
 * (the weekly sweep, a monthly round).
 */
@Component
class InstanceSubjects {

  private static final String ITEM_KEY = "item-";
  private static final String BOOK_KEY = "book-";

  private final RuntimeService runtimeService;
  private final WorkItemRepository items;
  private final TaskBookRepository books;

  InstanceSubjects(
      RuntimeService runtimeService, WorkItemRepository items, TaskBookRepository books) {
    this.runtimeService = runtimeService;
    this.items = items;
    this.books = books;
  }

  Subject of(ProcessInstance instance) {
    Map<String, Object> variables =
        runtimeService.getVariables(instance.getId(), List.of("workItemId", "taskBookId"));
    Long itemId = id(variables.get("workItemId"), instance.getBusinessKey(), ITEM_KEY);
    if (itemId != null) {
      Subject item =
          items
              .findById(itemId)
              .map(i -> new Subject(Subject.ITEM, i.getId(), i.getTitle(), "/items/" + i.getId()))
              .orElse(null);
      if (item != null) {
        return item;
      }
    }
    Long bookId = id(variables.get("taskBookId"), instance.getBusinessKey(), BOOK_KEY);
    if (bookId != null) {
      return books
          .findById(bookId)
          .map(b -> new Subject(Subject.BOOK, b.getId(), b.getTitle(), "/books/" + b.getId()))
          .orElse(null);
    }
    return null;
  }

  private static Long id(Object variable, String businessKey, String prefix) {
    if (variable instanceof Number number) {
      return number.longValue();
    }
    if (businessKey != null && businessKey.startsWith(prefix)) {
      try {
        return Long.valueOf(businessKey.substring(prefix.length()));
      } catch (NumberFormatException notAnId) {
        return null;
      }
    }
    return null;
  }
}
