package org.duban.itempage;

import java.time.LocalDateTime;
import java.util.List;
import org.duban.itemhistory.EventKind;
import org.duban.light.LightAssessment;
import org.duban.ladder.MeetingReferral;
import org.duban.rectification.Rectification;
import org.duban.ladder.SupervisionNotice;
import org.duban.book.WorkItemQueries.SubTaskRow;

/**
 * One event of an item's timeline: who did what and when, with the details its domain tables keep
 * (each null or empty when the event has none).
 *
 * @param actor the username, or {@code system} for what the engine did on its own
 * @param actorName the person's name, or null when unknown or the system
 * @param detail the event's own text, as recorded when it happened
 */
public record TimelineEntry(
    Long eventId,
    LocalDateTime at,
    EventKind kind,
    String actor,
    String actorName,
    String detail,
    CheckInDetail checkIn,
    LightAssessment light,
    SupervisionNotice notice,
    List<SubTaskRow> subTasks,
    Rectification rectification,
    MeetingReferral meeting) {

  public String messageKey() {
    return "event." + kind.name();
  }

  public boolean bySystem() {
    return "system".equals(actor);
  }

  /** A check-in as its event shows it: the month, percent done and every indicator reading. */
  public record CheckInDetail(
      String period, boolean missed, Integer percentDone, String narrative, String obstacles, List<Reading> readings) {}

  /** One indicator's reading with the target it was judged against. */
  public record Reading(String indicator, String value, String unit, String direction, String target, boolean onTarget) {}
}
