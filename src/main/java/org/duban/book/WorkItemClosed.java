package org.duban.book;

/**
 * A work item closed: accepted (验收通过, 销号) or cancelled by an approved change. Published in the
 * transaction that closes it, so that whatever still chases the item (an escalation) ends with it
 * or not at all. Whoever closes or cancels an item publishes it.
 */
public record WorkItemClosed(Long workItemId, Why why) {

  public enum Why {
    ACCEPTED,
    CANCELLED
  }
}
