package org.duban.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a weekly report says, kept as it was when generated (names too, so a renamed department or
 * item does not rewrite an old report). Stored as JSON in {@code supervision_report.content}.
 *
 * @param asOf when it was generated: lights are the items' lights at that moment
 * @param cutoff the day against which deadlines count as passed: the week's Sunday, or the day of
 *     generation for a report of the running week
 */
public record ReportContent(
    LocalDateTime asOf,
    LocalDate cutoff,
    List<DepartmentLights> departments,
    List<NoticeLine> newNotices,
    List<ClosedLine> closed,
    List<SignOffLine> signedOff,
    List<OverdueLine> overdue) {

  /** Open items of one lead department by their light; {@code unlit} were never evaluated. */
  public record DepartmentLights(String department, int red, int yellow, int green, int unlit) {
    public int total() {
      return red + yellow + green + unlit;
    }
  }

  /**
   * A supervision notice (督办单) issued in the week; {@code level} is its rung of the escalation
   * ladder ({@code ladder.level.<level>}: a yellow notice to the department, a red one to the
   * leader in charge too).
   */
  public record NoticeLine(
      String number,
      Long itemId,
      String item,
      String department,
      String requirement,
      LocalDate deadline,
      LocalDateTime issuedAt,
      String level) {}

  /** An escalation closed in the week, with how it ended ({@code escalation.status.<outcome>}). */
  public record ClosedLine(
      Long itemId,
      String item,
      String department,
      String notices,
      String outcome,
      LocalDateTime closedAt) {}

  /** A rectification signed off (销号) in the week. */
  public record SignOffLine(
      String number,
      Long itemId,
      String item,
      String department,
      String signedOffBy,
      LocalDateTime signedOffAt) {}

  /**
   * A rectification past its deadline and not signed off: the plan's deadline, or while there is no
   * plan yet, the notice's. {@code status} is a {@code rectification.status.<status>} key part.
   */
  public record OverdueLine(
      String number,
      Long itemId,
      String item,
      String department,
      LocalDate deadline,
      long daysOverdue,
      String status) {}

  /** All departments together. */
  public DepartmentLights total() {
    return new DepartmentLights(
        null,
        departments.stream().mapToInt(DepartmentLights::red).sum(),
        departments.stream().mapToInt(DepartmentLights::yellow).sum(),
        departments.stream().mapToInt(DepartmentLights::green).sum(),
        departments.stream().mapToInt(DepartmentLights::unlit).sum());
  }
}
