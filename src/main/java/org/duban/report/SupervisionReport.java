package org.duban.report;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;

/**
 * 督查通报: one week's supervision report, numbered per year. Its content is a JSON snapshot of {@link
 * ReportContent}, so a published report reads the same however the data moves on.
 */
@Entity
public class SupervisionReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private LocalDate weekStart;
  private LocalDate weekEnd;

  private int reportYear;

  private int seq;
  private String content;

  /** Generated after its week was over; a preliminary one (false) is refreshed until then. */
  private boolean finalEdition;

  private String generatedBy;
  private LocalDateTime generatedAt;

  @Version private int version;

  protected SupervisionReport() {}

  SupervisionReport(
      ReportWeek week, int seq, String content, boolean finalEdition, String by, LocalDateTime at) {
    this.weekStart = week.monday();
    this.weekEnd = week.sunday();
    this.reportYear = week.numberingYear();
    this.seq = seq;
    regenerated(content, finalEdition, by, at);
  }

  void regenerated(String content, boolean finalEdition, String by, LocalDateTime at) {
    this.content = content;
    this.finalEdition = finalEdition;
    this.generatedBy = by;
    this.generatedAt = at;
  }

  /**
   * 督查通报〔2026〕第15期: the bulletin's number as printed on it, in the reader's language
   * (report.number).
   */
  public String number() {
    return MessageText.of("report.number", reportYear, seq).in(MessageTexts.readerLocale());
  }

  public ReportWeek week() {
    return new ReportWeek(weekStart);
  }

  public Long getId() {
    return id;
  }

  public LocalDate getWeekStart() {
    return weekStart;
  }

  public LocalDate getWeekEnd() {
    return weekEnd;
  }

  public int getReportYear() {
    return reportYear;
  }

  public int getSeq() {
    return seq;
  }

  String getContent() {
    return content;
  }

  public boolean isFinalEdition() {
    return finalEdition;
  }

  public String getGeneratedBy() {
    return generatedBy;
  }

  public LocalDateTime getGeneratedAt() {
    return generatedAt;
  }
}
