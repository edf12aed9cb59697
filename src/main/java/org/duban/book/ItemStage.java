package org.duban.book;

/** Where a work item stands in its department-work process; message key {@code stage.<NAME>}. */
public enum ItemStage {
  DRAFT,
  AWAITING_CLAIM,
  DISPUTED,
  BREAKDOWN,
  IN_PROGRESS,
  REPORTED,
  CLOSED,
  /** 已撤销: withdrawn by an approved change request; ended like CLOSED, but never done nor scored. */
  CANCELLED;

  public boolean isOpen() {
    return this != DRAFT && this != CLOSED && this != CANCELLED;
  }

  /** Closed or cancelled: the item's work is over, one way or the other. */
  public boolean isEnded() {
    return this == CLOSED || this == CANCELLED;
  }
}
