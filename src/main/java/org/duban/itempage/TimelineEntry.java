package org.duban.itempage;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.TimelineDetailSource;

/**
 * One event of an item's timeline: who did what and when, with the details the features' tables
 * keep (see {@link TimelineDetailSource}; each null or empty when the event has none).
 *
 * @param actor the username, or {@code system} for what the engine did on its own
 * @param actorName the person's name, or null when unknown or the system
 * @param detail the event's own text, as recorded when it happened
 * @param details the features' records behind the event, by {@link TimelineDetailSource} name
 */
public record TimelineEntry(
    Long eventId,
    LocalDateTime at,
    EventKind kind,
    String actor,
    String actorName,
    String detail,
    Map<String, Object> details) {

  public String messageKey() {
    return "event." + kind.name();
  }

  public boolean bySystem() {
    return "system".equals(actor);
  }

  /** The check-in with its readings (checkin's {@code CheckInDetail}). */
  public Object checkIn() {
    return details.get(TimelineDetailSource.CHECK_IN);
  }

  /** The light with its rule and figures (light's {@code LightAssessment}). */
  public Object light() {
    return details.get(TimelineDetailSource.LIGHT);
  }

  /** The notice (ladder's {@code SupervisionNotice}). */
  public Object notice() {
    return details.get(TimelineDetailSource.NOTICE);
  }

  /** The item's sub-tasks, beside its last breakdown; empty elsewhere. */
  public List<?> subTasks() {
    return (List<?>) details.getOrDefault(TimelineDetailSource.SUB_TASKS, List.of());
  }

  /** The rectification plan and evidence (rectification's {@code Rectification}). */
  public Object rectification() {
    return details.get(TimelineDetailSource.RECTIFICATION);
  }

  /** The meeting's referral or decision (ladder's {@code MeetingReferral}). */
  public Object meeting() {
    return details.get(TimelineDetailSource.MEETING);
  }
}
