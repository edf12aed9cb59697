package org.duban.decomposition;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Something that keeps a decomposition file from being imported: the Excel row it is on (0 for the
 * file as a whole) and a message key of {@code i18n/decomposition} with its arguments.
 */
public record ImportProblem(int row, String key, List<Object> args) {

  public ImportProblem {
    args = List.copyOf(args);
  }

  static ImportProblem ofFile(String key, Object... args) {
    return new ImportProblem(0, key, List.of(args));
  }

  static ImportProblem atRow(int row, String key, Object... args) {
    return new ImportProblem(row, key, List.of(args));
  }

  /**
   * The kind of problem the preview counts it under (message key {@code
   * decomposition.problemKind.<kind>}): unknown names, dates, duplicates, lengths, indicators…
   */
  public String kind() {
    if (key.startsWith("row.department.")) {
      return "department";
    }
    if (key.startsWith("row.leader.")) {
      return "leader";
    }
    if (key.startsWith("row.indicator.")) {
      return "indicator";
    }
    return switch (key) {
      case "row.missing" -> "missing";
      case "row.deadline.invalid" -> "deadlineInvalid";
      case "row.deadline.past" -> "deadlinePast";
      case "row.deadline.outsidePeriod" -> "deadlineOutside";
      case "row.startDate.invalid", "row.startDate.outsidePeriod", "row.startDate.afterDeadline" ->
          "startDate";
      case "row.seq.duplicateInFile" -> "duplicate";
      case "row.seq.existsDifferent" -> "existing";
      case "row.tooLong", "row.invalid" -> "length";
      case "cell.formulaError" -> "formula";
      default -> "file";
    };
  }

  public boolean isFileLevel() {
    return row == 0;
  }

  /** The message alone, without its row: "牵头部门「财务科」不是本院在用的部门…". */
  public String message(MessageSource messages, Locale locale) {
    return messages.getMessage("decomposition." + key, args.toArray(), locale);
  }

  /** "第 5 行：牵头部门「财务科」不是本院在用的部门…", or the file-level message alone. */
  public String text(MessageSource messages, Locale locale) {
    String message = messages.getMessage("decomposition." + key, args.toArray(), locale);
    if (isFileLevel()) {
      return message;
    }
    return messages.getMessage(
        "decomposition.problem.atRow", new Object[] {String.valueOf(row), message}, locale);
  }
}
