package org.duban.assessment;

/**
 * How an item stood at the assessment: closed before its deadline, closed after it, or not closed.
 */
public enum Completion {
  ON_TIME,
  LATE,
  OPEN
}
