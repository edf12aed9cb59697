package org.duban.book;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What a book is, as its drafter sets it at creation and may correct while it is a draft. */
public class BookDetailsFormData {

  @NotBlank
  @Size(max = 200)
  private String title;

  @NotNull
  @Min(2000)
  @Max(2100)
  private Integer year;

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate periodStart;

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate periodEnd;

  @NotNull private BookLevel level = BookLevel.HOSPITAL;

  /** The book one level up, for annual, leader and department books. */
  private Long parentId;

  /** Who signs: a department (its head) for a department book, a leader for a leader's book. */
  private Long responsibleDepartmentId;

  private Long responsiblePersonId;

  /** The details of a book as they stand, to correct them. */
  static BookDetailsFormData of(TaskBook book) {
    BookDetailsFormData data = new BookDetailsFormData();
    data.setTitle(book.getTitle());
    data.setYear(book.getYear());
    data.setPeriodStart(book.getPeriodStart());
    data.setPeriodEnd(book.getPeriodEnd());
    data.setLevel(book.getLevel());
    data.setParentId(book.getParent() == null ? null : book.getParent().getId());
    data.setResponsibleDepartmentId(
        book.getResponsibleDepartment() == null ? null : book.getResponsibleDepartment().getId());
    data.setResponsiblePersonId(
        book.getResponsiblePerson() == null ? null : book.getResponsiblePerson().getId());
    return data;
  }

  @AssertTrue(message = "{book.period.order}")
  public boolean isPeriodOrdered() {
    return periodStart == null || periodEnd == null || !periodEnd.isBefore(periodStart);
  }

  /**
   * The year and the period agree: the period includes the year. An annual book runs within its
   * year; a term book (任期, several years) is named by one of its years. A book "for 2027" running
   * through 2026 only is the contradiction refused.
   */
  @AssertTrue(message = "{book.period.year}")
  public boolean isYearInPeriod() {
    return year == null
        || periodStart == null
        || periodEnd == null
        || periodStart.getYear() <= year && year <= periodEnd.getYear();
  }

  @AssertTrue(message = "{book.responsible.required}")
  public boolean isResponsibleGiven() {
    return switch (level == null ? BookLevel.HOSPITAL : level) {
      case DEPARTMENT -> responsibleDepartmentId != null;
      case LEADER -> responsiblePersonId != null;
      default -> true;
    };
  }

  public BookLevel getLevel() {
    return level;
  }

  public void setLevel(BookLevel level) {
    this.level = level;
  }

  public Long getParentId() {
    return parentId;
  }

  public void setParentId(Long parentId) {
    this.parentId = parentId;
  }

  public Long getResponsibleDepartmentId() {
    return responsibleDepartmentId;
  }

  public void setResponsibleDepartmentId(Long responsibleDepartmentId) {
    this.responsibleDepartmentId = responsibleDepartmentId;
  }

  public Long getResponsiblePersonId() {
    return responsiblePersonId;
  }

  public void setResponsiblePersonId(Long responsiblePersonId) {
    this.responsiblePersonId = responsiblePersonId;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Integer getYear() {
    return year;
  }

  public void setYear(Integer year) {
    this.year = year;
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public void setPeriodStart(LocalDate periodStart) {
    this.periodStart = periodStart;
  }

  public LocalDate getPeriodEnd() {
    return periodEnd;
  }

  public void setPeriodEnd(LocalDate periodEnd) {
    this.periodEnd = periodEnd;
  }
}
