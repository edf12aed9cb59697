package org.duban.ladder;

/**
 * The rungs of the escalation ladder, lowest first: a blue reminder to the lead department, a
 * yellow supervision notice to it, a red notice to the leader in charge, and the hospital meeting.
 */
public enum LadderLevel {
  BLUE,
  YELLOW,
  RED,
  MEETING;

  /** The next rung; the meeting is the top and stays the top. */
  public LadderLevel above() {
    return this == MEETING ? MEETING : values()[ordinal() + 1];
  }
}
