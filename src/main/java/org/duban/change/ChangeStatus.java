package org.duban.change;

/** Where a change request stands; message key {@code change.status.<NAME>}. */
public enum ChangeStatus {
  PROPOSED,
  APPROVED,
  REJECTED
}
