package org.duban.itempage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.ItemHistory;
import org.duban.itemhistory.TimelineDetailSource;
import org.duban.itemhistory.TimelineDetailSource.TimelineDetails;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that happened to one item, in order, with who and when: its own history, the signing
 * of its book, and for each event the details the features' tables keep (a check-in's readings, the
 * rule and figures behind a light, a notice's number, the rectification plan, a meeting's
 * decision), which each feature gives through a {@link TimelineDetailSource}.
 */
@Service
public class ItemTimeline {

  /** Events of the item's book that belong on the item's timeline too. */
  private static final Set<EventKind> BOOK_KINDS =
      EnumSet.of(
          EventKind.BOOK_SIGNED,
          EventKind.SIGNING_QUESTION_RAISED,
          EventKind.SIGNING_QUESTION_ANSWERED);

  private final ItemHistory history;
  private final List<TimelineDetailSource> sources;
  private final PersonRepository people;

  ItemTimeline(ItemHistory history, List<TimelineDetailSource> sources, PersonRepository people) {
    this.history = history;
    this.sources = sources;
    this.people = people;
  }

  /** The item's events the filter shows, grouped by day, oldest first. */
  @Transactional(readOnly = true)
  public List<TimelineDay> of(Long itemId, Long taskBookId, TimelineFilter filter) {
    List<ItemEvent> events = new ArrayList<>(history.ofItem(itemId));
    history.ofBook(taskBookId).stream()
        .filter(
            e -> e.getWorkItemId() == null && BOOK_KINDS.contains(TimelineDetailSource.kindOf(e)))
        .forEach(events::add);
    events.sort(Comparator.comparing(ItemEvent::getOccurredAt).thenComparing(ItemEvent::getId));

    List<TimelineDetails> details =
        sources.stream().map(source -> source.of(itemId, events)).toList();
    Map<String, Optional<String>> names = new HashMap<>();
    Map<LocalDate, List<TimelineEntry>> byDay = new LinkedHashMap<>();
    for (ItemEvent event : events) {
      EventKind kind = TimelineDetailSource.kindOf(event);
      if (kind == null || !filter.shows(kind)) {
        continue;
      }
      Map<String, Object> detailsOfEvent = new HashMap<>();
      details.forEach(
          d ->
              d.of(event, kind)
                  .forEach(
                      (name, value) -> {
                        if (detailsOfEvent.putIfAbsent(name, value) != null) {
                          throw new IllegalStateException(
                              "two features give the timeline's '"
                                  + name
                                  + "' of event "
                                  + event.getId());
                        }
                      }));
      byDay
          .computeIfAbsent(event.getOccurredAt().toLocalDate(), d -> new ArrayList<>())
          .add(
              new TimelineEntry(
                  event.getId(),
                  event.getOccurredAt(),
                  kind,
                  event.getActor(),
                  nameOf(event.getActor(), names),
                  event.getDetail(),
                  Map.copyOf(detailsOfEvent)));
    }
    return byDay.entrySet().stream()
        .map(e -> new TimelineDay(e.getKey(), List.copyOf(e.getValue())))
        .toList();
  }

  private String nameOf(String actor, Map<String, Optional<String>> names) {
    if (actor == null || ItemHistory.SYSTEM.equals(actor)) {
      return null;
    }
    return names
        .computeIfAbsent(
            actor, username -> people.findByUsername(username).map(Person::getFullName))
        .orElse(null);
  }
}
