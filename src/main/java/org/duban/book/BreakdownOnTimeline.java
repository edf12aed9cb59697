package org.duban.book;

import java.util.List;
import java.util.Map;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.TimelineDetailSource;
import org.springframework.stereotype.Component;

/** Beside the item's last breakdown event on its timeline: the sub-tasks as they stand. */
@Component
class BreakdownOnTimeline implements TimelineDetailSource {

  private final WorkItemQueries items;

  BreakdownOnTimeline(WorkItemQueries items) {
    this.items = items;
  }

  @Override
  public TimelineDetails of(Long itemId, List<ItemEvent> events) {
    List<WorkItemQueries.SubTaskRow> subTasks = items.subTasks(itemId);
    Long lastBreakdownEvent =
        events.stream()
            .filter(e -> TimelineDetailSource.kindOf(e) == EventKind.ITEM_BROKEN_DOWN)
            .map(ItemEvent::getId)
            .reduce((a, b) -> b)
            .orElse(null);
    return (event, kind) ->
        kind == EventKind.ITEM_BROKEN_DOWN && event.getId().equals(lastBreakdownEvent)
            ? Map.of(SUB_TASKS, subTasks)
            : Map.of();
  }
}
