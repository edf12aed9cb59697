package org.duban.itempage;

import static org.duban.itemhistory.EventKind.*;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.duban.itemhistory.EventKind;

/** Which of an item's events its timeline shows, chosen by the {@code show} query parameter. */
public enum TimelineFilter {
  ALL(EnumSet.allOf(EventKind.class)),
  /**
   * What people decided about the item: issue, sign, claim, breakdown, hand-overs, acceptance,
   * changes, rulings.
   */
  DECISIONS(
      EnumSet.of(
          ITEM_ISSUED,
          BOOK_SIGNED,
          SIGNING_QUESTION_RAISED,
          SIGNING_QUESTION_ANSWERED,
          ITEM_CLAIMED,
          ITEM_DISPUTED,
          ITEM_REASSIGNED,
          ITEM_ASSIGNMENT_UPHELD,
          ITEM_BROKEN_DOWN,
          ITEM_ACCEPTED,
          ITEM_SENT_BACK,
          ITEM_CLOSED,
          ESCALATION_DISMISSED,
          LEADER_INSTRUCTED,
          PLAN_ACCEPTED,
          PLAN_SENT_BACK,
          RECTIFICATION_REOPENED,
          SIGNED_OFF,
          MEETING_DECIDED,
          CHANGE_PROPOSED,
          CHANGE_APPROVED,
          CHANGE_REJECTED,
          STEP_DONE,
          SUBTASK_HANDED_OVER)),
  /** The department's reports: monthly check-ins (and missed ones), sub-tasks done, completion. */
  CHECK_INS(EnumSet.of(CHECK_IN_SUBMITTED, CHECK_IN_MISSED, SUBTASK_DONE, COMPLETION_REPORTED)),
  /**
   * What the supervision office and the ladder did: lights, notices, rectification, meetings,
   * urges.
   */
  SUPERVISION(
      EnumSet.of(
          LIGHT_SET,
          ESCALATION_OPENED,
          ESCALATION_DISMISSED,
          NOTICE_ISSUED,
          PLAN_SUBMITTED,
          LEADER_INSTRUCTED,
          PLAN_ACCEPTED,
          PLAN_SENT_BACK,
          EVIDENCE_SUBMITTED,
          EVIDENCE_ATTACHED,
          RECTIFICATION_REOPENED,
          SIGNED_OFF,
          BLUE_REMINDER_SENT,
          BACK_ON_TRACK,
          LADDER_CLIMBED,
          MEETING_REFERRED,
          MEETING_DECIDED,
          ITEM_URGED,
          ESCALATION_ENDED_ITEM_ACCEPTED,
          ESCALATION_ENDED_ITEM_CANCELLED));

  private final Set<EventKind> kinds;

  TimelineFilter(Set<EventKind> kinds) {
    this.kinds = kinds;
  }

  public boolean shows(EventKind kind) {
    return kinds.contains(kind);
  }

  /**
   * The query parameter's value: {@code all}, {@code decisions}, {@code check-ins}, {@code
   * supervision}.
   */
  public String param() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The filter a query parameter names; null when it names none. */
  public static TimelineFilter of(String param) {
    if (param == null || param.isBlank()) {
      return ALL;
    }
    for (TimelineFilter filter : values()) {
      if (filter.param().equals(param.trim().toLowerCase(Locale.ROOT))) {
        return filter;
      }
    }
    return null;
  }
}
