package org.duban.book;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

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
    List<GoalAreaRow> goalAreas,
    BookLevel level,
    String responsibleDepartment,
    String responsiblePerson,
    String signedBy,
    String signer,
    LocalDateTime signedAt) {

  public record GoalAreaRow(Long id, String name) {}

  /** The book, with the signer's full name looked up from the recorded username. */
  static BookSummary of(TaskBook book, Function<String, String> fullNameOfUser) {
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
        book.getGoalAreas().stream().map(a -> new GoalAreaRow(a.getId(), a.getName())).toList(),
        book.getLevel(),
        book.getResponsibleDepartment() == null ? null : book.getResponsibleDepartment().getName(),
        book.getResponsiblePerson() == null ? null : book.getResponsiblePerson().getFullName(),
        book.getSignedBy(),
        book.getSignedBy() == null ? null : fullNameOfUser.apply(book.getSignedBy()),
        book.getSignedAt());
  }

  public boolean isEditable() {
    return status == TaskBookStatus.DRAFT;
  }

  public boolean isSigned() {
    return signedAt != null;
  }
}
