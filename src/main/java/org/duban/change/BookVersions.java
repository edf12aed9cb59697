package org.duban.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.duban.book.ItemStage;
import org.duban.book.TaskBookIssued;
import org.duban.book.WorkItemRepository;
import org.duban.infrastructure.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbered versions of an issued book: version 1 when it is issued, one more after each applied
 * change. A version is written only when the items differ from the latest one, so recording again
 * (a job that runs twice) adds nothing.
 */
@Service
public class BookVersions {

  private static final Logger log = LoggerFactory.getLogger(BookVersions.class);
  private static final TypeReference<List<ItemSnapshot>> ITEMS = new TypeReference<>() {};

  private final BookVersionRepository versions;
  private final WorkItemRepository workItems;
  private final ObjectMapper json;

  BookVersions(BookVersionRepository versions, WorkItemRepository workItems, ObjectMapper json) {
    this.versions = versions;
    this.workItems = workItems;
    this.json = json;
  }

  /** Version 1, in the transaction that issues the book. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void onIssued(TaskBookIssued issued) {
    record(issued.taskBookId(), BookVersion.ISSUED, issued.actor());
  }

  /**
   * Writes the book's items as a new version unless they equal the latest version; returns its
   * number.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int record(Long bookId, String cause, String actor) {
    // a cancelled (撤销) item is no longer part of the book: the version after it shows the item
    // removed
    List<ItemSnapshot> items =
        workItems.findByTaskBookIdOrderByIdAsc(bookId).stream()
            .filter(item -> item.getStage() != ItemStage.CANCELLED)
            .map(ItemSnapshot::of)
            .toList();
    BookVersion latest = versions.findFirstByTaskBookIdOrderByVersionNoDesc(bookId).orElse(null);
    if (latest != null && read(latest).equals(items)) {
      return latest.getVersionNo();
    }
    int number = latest == null ? 1 : latest.getVersionNo() + 1;
    versions.save(new BookVersion(bookId, number, write(items), cause, actor, EngineClock.now()));
    log.info("task book {} version {} ({})", bookId, number, cause);
    return number;
  }

  /** A version with what changed since the one before (empty for version 1). */
  public record VersionView(
      int versionNo,
      String cause,
      boolean issued,
      String createdBy,
      LocalDateTime createdAt,
      List<ItemSnapshot> items,
      List<FieldChange> changes) {}

  /** Every version of the book, oldest first, showing only the items in {@code visibleItemIds}. */
  @Transactional(readOnly = true)
  public List<VersionView> of(Long bookId, Collection<Long> visibleItemIds) {
    List<VersionView> views = new ArrayList<>();
    List<ItemSnapshot> previous = null;
    for (BookVersion version : versions.findByTaskBookIdOrderByVersionNoAsc(bookId)) {
      List<ItemSnapshot> items = read(version);
      List<FieldChange> changes =
          previous == null ? List.of() : VersionDiff.between(previous, items);
      views.add(
          new VersionView(
              version.getVersionNo(),
              version.getCause(),
              BookVersion.ISSUED.equals(version.getCause()),
              version.getCreatedBy(),
              version.getCreatedAt(),
              items.stream().filter(i -> visibleItemIds.contains(i.itemId())).toList(),
              changes.stream().filter(c -> visibleItemIds.contains(c.itemId())).toList()));
      previous = items;
    }
    return views;
  }

  private List<ItemSnapshot> read(BookVersion version) {
    try {
      return json.readValue(version.getSnapshot(), ITEMS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable snapshot of book version " + version.getId(), e);
    }
  }

  private String write(List<ItemSnapshot> items) {
    try {
      return json.writeValueAsString(items);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a book snapshot", e);
    }
  }
}
