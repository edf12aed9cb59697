package org.duban.itempage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.duban.checkin.CheckIn;
import org.duban.checkin.CheckInRepository;
import org.duban.checkin.IndicatorReading;
import org.duban.infrastructure.MessageTexts;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.ItemHistory;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.ladder.Escalation;
import org.duban.light.LightAssessment;
import org.duban.ladder.MeetingReferral;
import org.duban.rectification.Rectification;
import org.duban.ladder.SupervisionNotice;
import org.duban.supervision.SupervisionQueries;
import org.duban.supervision.SupervisionQueries.ItemRecords;
import org.duban.itempage.TimelineEntry.CheckInDetail;
import org.duban.itempage.TimelineEntry.Reading;
import org.duban.book.Indicator;
import org.duban.book.WorkItemQueries;
import org.duban.book.WorkItemQueries.SubTaskRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that happened to one item, in order, with who and when: its own history, the signing of
 * its book, and for each event the details the domain tables keep (a check-in's readings, the rule
 * and figures behind a light, a notice's number, the rectification plan, a meeting's decision).
 */
@Service
public class ItemTimeline {

  /** Events of the item's book that belong on the item's timeline too. */
  private static final Set<EventKind> BOOK_KINDS =
      EnumSet.of(EventKind.BOOK_SIGNED, EventKind.SIGNING_QUESTION_RAISED, EventKind.SIGNING_QUESTION_ANSWERED);

  private final ItemHistory history;
  private final CheckInRepository checkIns;
  private final SupervisionQueries supervision;
  private final WorkItemQueries items;
  private final PersonRepository people;

  ItemTimeline(
      ItemHistory history,
      CheckInRepository checkIns,
      SupervisionQueries supervision,
      WorkItemQueries items,
      PersonRepository people) {
    this.history = history;
    this.checkIns = checkIns;
    this.supervision = supervision;
    this.items = items;
    this.people = people;
  }

  /** The item's events the filter shows, grouped by day, oldest first. */
  @Transactional(readOnly = true)
  public List<TimelineDay> of(Long itemId, Long taskBookId, TimelineFilter filter) {
    List<ItemEvent> events = new ArrayList<>(history.ofItem(itemId));
    history.ofBook(taskBookId).stream()
        .filter(e -> e.getWorkItemId() == null && BOOK_KINDS.contains(kindOf(e)))
        .forEach(events::add);
    events.sort(Comparator.comparing(ItemEvent::getOccurredAt).thenComparing(ItemEvent::getId));

    Details details = new Details(itemId, events);
    Map<LocalDate, List<TimelineEntry>> byDay = new LinkedHashMap<>();
    for (ItemEvent event : events) {
      EventKind kind = kindOf(event);
      if (kind == null || !filter.shows(kind)) {
        continue;
      }
      byDay.computeIfAbsent(event.getOccurredAt().toLocalDate(), d -> new ArrayList<>())
          .add(details.entry(event, kind));
    }
    return byDay.entrySet().stream().map(e -> new TimelineDay(e.getKey(), List.copyOf(e.getValue()))).toList();
  }

  private static EventKind kindOf(ItemEvent event) {
    try {
      return EventKind.valueOf(event.getKind());
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  /** The domain records of one item, and which event each belongs to. */
  private final class Details {

    private final Map<String, CheckIn> checkInByPeriod = new HashMap<>();
    private final ItemRecords records;
    private final List<SubTaskRow> subTasks;
    private final Long lastBreakdownEvent;
    /** Per escalation, the last event of these kinds: the rectification row holds only the latest text. */
    private final Map<String, Long> lastRectificationEvent = new HashMap<>();
    private final Map<String, Optional<String>> names = new HashMap<>();

    Details(Long itemId, List<ItemEvent> events) {
      checkIns.findByWorkItemIdOrderByPeriodDesc(itemId).forEach(c -> checkInByPeriod.put(c.getPeriod(), c));
      records = supervision.recordsOf(itemId);
      subTasks = items.subTasks(itemId);
      lastBreakdownEvent = events.stream().filter(e -> kindOf(e) == EventKind.ITEM_BROKEN_DOWN)
          .map(ItemEvent::getId).reduce((a, b) -> b).orElse(null);
      for (ItemEvent event : events) {
        EventKind kind = kindOf(event);
        if (kind == EventKind.PLAN_SUBMITTED || kind == EventKind.EVIDENCE_SUBMITTED) {
          escalationAt(event.getOccurredAt())
              .ifPresent(e -> lastRectificationEvent.put(kind + "-" + e.getId(), event.getId()));
        }
      }
    }

    TimelineEntry entry(ItemEvent event, EventKind kind) {
      LocalDateTime at = event.getOccurredAt();
      CheckInDetail checkIn = null;
      LightAssessment light = null;
      SupervisionNotice notice = null;
      List<SubTaskRow> breakdown = List.of();
      Rectification rectification = null;
      MeetingReferral meeting = null;
      switch (kind) {
        case CHECK_IN_SUBMITTED, CHECK_IN_MISSED -> checkIn = checkIn(event.getStoredDetail());
        case LIGHT_SET -> light = lightAt(at);
        case NOTICE_ISSUED, LADDER_CLIMBED -> notice = noticeOf(event.getStoredDetail());
        case ITEM_BROKEN_DOWN -> breakdown = event.getId().equals(lastBreakdownEvent) ? subTasks : List.of();
        case PLAN_SUBMITTED, EVIDENCE_SUBMITTED -> rectification = escalationAt(at)
            .filter(e -> event.getId().equals(lastRectificationEvent.get(kind + "-" + e.getId())))
            .map(e -> records.rectifications().get(e.getId())).orElse(null);
        case SIGNED_OFF -> rectification = escalationAt(at).map(e -> records.rectifications().get(e.getId()))
            .filter(r -> r.getSignedOffAt() != null).orElse(null);
        case MEETING_REFERRED -> meeting = latest(records.referrals(), MeetingReferral::getReferredAt, at);
        case MEETING_DECIDED -> meeting = latest(records.referrals(), MeetingReferral::getDecidedAt, at);
        default -> { }
      }
      return new TimelineEntry(event.getId(), at, kind, event.getActor(), nameOf(event.getActor()),
          event.getDetail(), checkIn, light, notice, breakdown, rectification, meeting);
    }

    /** The check-in whose month the event's detail starts with ({@code 2026-04：30%}). */
    private CheckInDetail checkIn(String detail) {
      if (detail == null) {
        return null;
      }
      int colon = detail.indexOf('：');
      CheckIn checkIn = checkInByPeriod.get(colon < 0 ? detail.trim() : detail.substring(0, colon));
      if (checkIn == null) {
        return null;
      }
      int year = Integer.parseInt(checkIn.getPeriod().substring(0, 4));
      List<Reading> readings = checkIn.getReadings().stream().map(r -> reading(r, year)).toList();
      return new CheckInDetail(checkIn.getPeriod(), checkIn.getStatus() == CheckIn.Status.MISSED,
          checkIn.getPercentDone(), checkIn.getNarrative(), checkIn.getObstacles(), readings);
    }

    private static Reading reading(IndicatorReading reading, int year) {
      Indicator indicator = reading.getIndicator();
      BigDecimal target = indicator.getDirection().isTrend() ? indicator.getBaseline() : indicator.targetFor(year);
      return new Reading(indicator.getName(), plain(reading.getValue()), indicator.getUnit(),
          indicator.getDirection().symbol(), plain(target), reading.isOnTarget());
    }

    private static String plain(BigDecimal value) {
      return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** The light recorded in the same step as the event: the latest assessed at or before it. */
    private LightAssessment lightAt(LocalDateTime at) {
      return latest(records.lights(), LightAssessment::getAssessedAt, at);
    }

    /** The notice whose number the event's stored (Chinese) detail starts with ({@code 督〔2026〕3号：…}). */
    private SupervisionNotice noticeOf(String detail) {
      if (detail == null) {
        return null;
      }
      return records.notices().stream().filter(n -> detail.startsWith(n.number(MessageTexts.DEFAULT))).findFirst().orElse(null);
    }

    /** The escalation open at that moment: the latest opened at or before it. */
    private Optional<Escalation> escalationAt(LocalDateTime at) {
      return Optional.ofNullable(latest(records.escalations(), Escalation::getOpenedAt, at));
    }

    private Optional<String> lookUp(String username) {
      return people.findByUsername(username).map(Person::getFullName);
    }

    private String nameOf(String actor) {
      if (actor == null || ItemHistory.SYSTEM.equals(actor)) {
        return null;
      }
      return names.computeIfAbsent(actor, this::lookUp).orElse(null);
    }
  }

  /** Of records oldest first, the last whose time is at or before the moment; null when none is. */
  private static <T> T latest(List<T> records, java.util.function.Function<T, LocalDateTime> time, LocalDateTime at) {
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
}
