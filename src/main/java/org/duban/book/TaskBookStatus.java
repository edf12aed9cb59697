package org.duban.book;

public enum TaskBookStatus {
  DRAFT,
  IN_REVIEW,
  ISSUED,
  CLOSED,
  /**
   * A draft its drafter (or the supervision office, an admin) deleted: kept for its history, shown
   * nowhere.
   */
  DELETED
}
