package org.duban.itemhistory;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A feature's records behind an item's history events (a check-in's readings, the rule behind a
 * light, a notice, the rectification plan, a meeting's decision), which the item's timeline shows
 * beside each event. The timeline collects every implementation, so it imports no feature.
 */
public interface TimelineDetailSource {

  /** Detail names the timeline's page reads. */
  String CHECK_IN = "checkIn";

  String LIGHT = "light";
  String NOTICE = "notice";
  String SUB_TASKS = "subTasks";
  String RECTIFICATION = "rectification";
  String MEETING = "meeting";

  /**
   * Reads the feature's records of one item once, for all its events.
   *
   * @param events every event of the item's timeline, oldest first, whether shown or not
   */
  TimelineDetails of(Long itemId, List<ItemEvent> events);

  /** The details of each event of one item. */
  @FunctionalInterface
  interface TimelineDetails {

    /** The event's details under their names; empty when this feature keeps none for it. */
    Map<String, Object> of(ItemEvent event, EventKind kind);
  }

  /** One detail, or none when there is no value. */
  static Map<String, Object> detail(String name, Object value) {
    return value == null ? Map.of() : Map.of(name, value);
  }

  /** Of records oldest first, the last whose time is at or before the moment; null when none is. */
  static <T> T latestAtOrBefore(
      List<T> records, Function<T, LocalDateTime> time, LocalDateTime at) {
    T found = null;
    for (T record : records) {
      LocalDateTime when = time.apply(record);
      if (when != null && !when.isAfter(at)) {
        if (found == null || !when.isBefore(time.apply(found))) {
          found = record;
        }
      }
    }
    return found;
  }

  /** The event's kind, or null for a kind this version no longer knows. */
  static EventKind kindOf(ItemEvent event) {
    try {
      return EventKind.valueOf(event.getKind());
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
