package org.duban.itemhistory;

import java.time.LocalDateTime;
import java.util.List;
import org.duban.audit.AuditLog;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what happened to items and books, in the same transaction as the change itself, so the
 * history never claims something that was rolled back.
 */
@Service
public class ItemHistory {

  private static final Logger log = LoggerFactory.getLogger(ItemHistory.class);

  /** Actor of what the engine does on its own (timers, sweeps). */
  public static final String SYSTEM = "system";

  private final ItemEventRepository events;
  private final AuditLog audit;

  ItemHistory(ItemEventRepository events, AuditLog audit) {
    this.events = events;
    this.audit = audit;
  }

  /**
   * The column's size (V19): the longest texts of the forms with what is written around them fit.
   */
  static final int MAX_DETAIL = 8000;

  @Transactional(propagation = Propagation.MANDATORY)
  public void itemEvent(
      Long workItemId, Long taskBookId, String actor, EventKind kind, String detail) {
    // a text longer than any form allows must not cost the decision it records: the full text is in
    // the decision's own table, the timeline keeps its start
    String kept =
        detail != null && detail.length() > MAX_DETAIL
            ? detail.substring(0, MAX_DETAIL - 1) + "…"
            : detail;
    events.save(new ItemEvent(workItemId, taskBookId, now(), actor, kind.name(), kept));
    record(workItemId, taskBookId, actor, kind, detail);
  }

  /**
   * An event whose detail the app words itself: kept as a key and arguments, worded in each
   * reader's language; the Chinese wording is stored beside it (older readers, the audit log).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void itemEvent(
      Long workItemId, Long taskBookId, String actor, EventKind kind, MessageText detail) {
    String chinese = detail.in(MessageTexts.DEFAULT);
    String kept =
        chinese.length() > MAX_DETAIL ? chinese.substring(0, MAX_DETAIL - 1) + "…" : chinese;
    events.save(new ItemEvent(workItemId, taskBookId, now(), actor, kind.name(), kept, detail));
    record(workItemId, taskBookId, actor, kind, chinese);
  }

  private void record(
      Long workItemId, Long taskBookId, String actor, EventKind kind, String detail) {
    boolean ofItem = workItemId != null;
    audit.recordAs(
        actor,
        "item." + kind.name(),
        ofItem ? "work-item" : "task-book",
        String.valueOf(ofItem ? workItemId : taskBookId),
        null,
        detail);
    log.info("item {} book {}: {} by {}", workItemId, taskBookId, kind, actor);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void bookEvent(Long taskBookId, String actor, EventKind kind, String detail) {
    itemEvent(null, taskBookId, actor, kind, detail);
  }

  /** The latest entries of an item's history, newest first, as lines for a page. */
  @Transactional(readOnly = true)
  public List<HistoryLine> recentLinesOfItem(Long workItemId, int count) {
    return recentOfItem(workItemId, count).stream().map(HistoryLine::of).toList();
  }

  /** The latest entries of a book's history, newest first, as lines for a page. */
  @Transactional(readOnly = true)
  public List<HistoryLine> recentLinesOfBook(Long taskBookId, int count) {
    return recentOfBook(taskBookId, count).stream().map(HistoryLine::of).toList();
  }

  @Transactional(readOnly = true)
  public List<ItemEvent> ofItem(Long workItemId) {
    return events.findByWorkItemIdOrderByOccurredAtAscIdAsc(workItemId);
  }

  /** The latest events of an item, oldest first. */
  @Transactional(readOnly = true)
  public List<ItemEvent> recentOfItem(Long workItemId, int count) {
    return lastOf(ofItem(workItemId), count);
  }

  /** The latest events of a book itself (not of its items), oldest first. */
  @Transactional(readOnly = true)
  public List<ItemEvent> recentOfBook(Long taskBookId, int count) {
    return lastOf(
        ofBook(taskBookId).stream().filter(e -> e.getWorkItemId() == null).toList(), count);
  }

  private static List<ItemEvent> lastOf(List<ItemEvent> events, int count) {
    return events.subList(Math.max(0, events.size() - count), events.size());
  }

  @Transactional(readOnly = true)
  public List<ItemEvent> ofBook(Long taskBookId) {
    return events.findByTaskBookIdOrderByOccurredAtAscIdAsc(taskBookId);
  }

  private static LocalDateTime now() {
    return EngineClock.now();
  }
}
