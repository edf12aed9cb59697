package org.duban.book;

import java.util.List;
import org.duban.infrastructure.NotFound;
import org.duban.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of work items for pages, with the viewer's rights applied. */
@Service
public class WorkItemQueries {

  private final WorkItemRepository workItems;
  private final SubTaskRepository subTasks;
  private final ItemAccess access;
  private final ReportCounts reportCounts;

  WorkItemQueries(
      WorkItemRepository workItems,
      SubTaskRepository subTasks,
      ItemAccess access,
      ReportCounts reportCounts) {
    this.workItems = workItems;
    this.subTasks = subTasks;
    this.access = access;
    this.reportCounts = reportCounts;
  }

  /** The item, or 403 when the user's role and department do not allow it. */
  @Transactional(readOnly = true)
  public ItemSummary visibleItem(Long itemId, CurrentUser user) {
    WorkItem item = workItems.findById(itemId).orElseThrow(NotFound::new);
    if (!access.maySee(item, user)) {
      throw new AccessDeniedException(
          "item " + itemId + " is not visible to " + user.getUsername());
    }
    return ItemSummary.of(item);
  }

  /** The item's facts, or empty when there is no such item. */
  @Transactional(readOnly = true)
  public java.util.Optional<ItemFacts> facts(Long itemId) {
    return workItems.findById(itemId).map(ItemFacts::of);
  }

  /**
   * Whether the user's role and department allow them to see the item (false when there is none).
   */
  @Transactional(readOnly = true)
  public boolean maySee(Long itemId, CurrentUser user) {
    return workItems.findById(itemId).map(item -> access.maySee(item, user)).orElse(false);
  }

  /** The item's indicators, in the order they were added. */
  @Transactional(readOnly = true)
  public List<IndicatorTerms> indicatorsOf(Long itemId) {
    return workItems.findById(itemId).orElseThrow(NotFound::new).getIndicators().stream()
        .map(IndicatorTerms::of)
        .toList();
  }

  /** The day the item's work starts when its sheet gave one; null: it started when issued. */
  @Transactional(readOnly = true)
  public java.time.LocalDate startDateOf(Long itemId) {
    return workItems.findById(itemId).orElseThrow(NotFound::new).getStartDate();
  }

  @Transactional(readOnly = true)
  public ItemSummary summary(Long itemId) {
    return ItemSummary.of(workItems.findById(itemId).orElseThrow(NotFound::new));
  }

  /** Whether pages show the item's progress as 未填报 ({@link NeverReported}) rather than 0%. */
  @Transactional(readOnly = true)
  public boolean neverReported(Long itemId) {
    WorkItem item = workItems.findById(itemId).orElseThrow(NotFound::new);
    return NeverReported.of(
        item.getPercentDone(), reportCounts.submittedCheckIns(itemId), item.getStage());
  }

  /** Every item of the book, for callers that have checked the viewer may see the whole book. */
  @Transactional(readOnly = true)
  public List<ItemSummary> itemsOfBook(Long bookId) {
    return workItems.findByTaskBookIdOrderByIdAsc(bookId).stream().map(ItemSummary::of).toList();
  }

  /** The items of the book the user may see as lines of it ({@link ItemAccess#maySeeInBook}). */
  @Transactional(readOnly = true)
  public List<ItemSummary> visibleItemsOfBook(Long bookId, CurrentUser user) {
    return workItems.findByTaskBookIdOrderByIdAsc(bookId).stream()
        .filter(item -> access.maySeeInBook(item, user))
        .map(ItemSummary::of)
        .toList();
  }

  /** The books in which the department leads or collaborates on an item. */
  @Transactional(readOnly = true)
  public java.util.Set<Long> bookIdsOfDepartment(Long departmentId) {
    return departmentId == null
        ? java.util.Set.of()
        : new java.util.HashSet<>(workItems.findBookIdsOfDepartment(departmentId));
  }

  public record SubTaskRow(
      String title,
      String assignee,
      java.time.LocalDate dueDate,
      SubTask.Status status,
      String report) {}

  @Transactional(readOnly = true)
  public List<SubTaskRow> subTasks(Long itemId) {
    return subTasks.findByWorkItemIdOrderByIdAsc(itemId).stream()
        .map(
            s ->
                new SubTaskRow(
                    s.getTitle(), s.assigneeName(), s.getDueDate(), s.getStatus(), s.getReport()))
        .toList();
  }
}
