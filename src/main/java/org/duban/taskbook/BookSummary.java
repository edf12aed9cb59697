package org.duban.taskbook;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What pages show of a task book. */
public record BookSummary(
    Long id,
    String title,
    int year,
    LocalDate periodStart,
    LocalDate periodEnd,
    String issuerUsername,
    String issuer,
    TaskBookStatus status,
    String reviewComment,
    LocalDateTime issuedAt,
    List<GoalAreaRow> goalAreas) {

  public record GoalAreaRow(Long id, String name) {}

  static BookSummary of(TaskBook book) {
    return new BookSummary(
        book.getId(),
        book.getTitle(),
        book.getYear(),
        book.getPeriodStart(),
        book.getPeriodEnd(),
        book.getIssuer().getUsername(),
        book.getIssuer().getFullName(),
        book.getStatus(),
        book.getReviewComment(),
        book.getIssuedAt(),
        book.getGoalAreas().stream().map(a -> new GoalAreaRow(a.getId(), a.getName())).toList());
  }

  public boolean isEditable() {
    return status == TaskBookStatus.DRAFT;
  }
}
