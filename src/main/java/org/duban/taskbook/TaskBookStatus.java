package org.duban.taskbook;

public enum TaskBookStatus {
  DRAFT,
  IN_REVIEW,
  ISSUED,
  CLOSED
}
