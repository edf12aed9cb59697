package org.duban.workitem;

/** Where a work item stands in its department-work process; message key {@code stage.<NAME>}. */
public enum ItemStage {
  DRAFT,
  AWAITING_CLAIM,
  DISPUTED,
  BREAKDOWN,
  IN_PROGRESS,
  REPORTED,
  CLOSED;

  public boolean isOpen() {
    return this != DRAFT && this != CLOSED;
  }
}
