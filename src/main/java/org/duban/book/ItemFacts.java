package org.duban.book;

/**
 * The few facts of an item other features decide by: its book, where it stands, who leads it and
 * who issued its book. A record, so that features read an item without holding the entity.
 */
public record ItemFacts(
    Long id,
    Long taskBookId,
    String seq,
    String title,
    ItemStage stage,
    Long leadDepartmentId,
    String leadDepartmentGroupId,
    String issuerUsername) {

  static ItemFacts of(WorkItem item) {
    return new ItemFacts(
        item.getId(),
        item.getTaskBook().getId(),
        item.getSeq(),
        item.getTitle(),
        item.getStage(),
        item.getLeadDepartment().getId(),
        item.getLeadDepartment().groupId(),
        item.getTaskBook().getIssuer().getUsername());
  }
}
