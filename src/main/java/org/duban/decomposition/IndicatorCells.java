package org.duban.decomposition;

import static org.duban.decomposition.DecompositionColumn.INDICATOR_BASELINE;
import static org.duban.decomposition.DecompositionColumn.INDICATOR_COMPARISON;
import static org.duban.decomposition.DecompositionColumn.INDICATOR_NAME;
import static org.duban.decomposition.DecompositionColumn.INDICATOR_TARGET;
import static org.duban.decomposition.DecompositionColumn.INDICATOR_UNIT;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.book.IndicatorDirection;
import org.duban.book.IndicatorSign;

/**
 * The indicator columns of a row: one indicator, or several with their cells separated by ； (each
 * column then has as many parts as 指标名称, or one part for all of them, or none). Every problem is
 * reported with the row; the limits are the editor's (指标名称 200, 单位 20 characters, numbers of 14
 * digits and 4 decimals).
 */
final class IndicatorCells {

  static final int NAME_MAX = 200;
  static final int UNIT_MAX = 20;

  private static final String SEPARATORS = "[；;\\r\\n]";

  /**
   * The words and signs a sheet may use for each comparison, after NFKC (full-width signs become
   * ASCII).
   */
  private static final Map<String, IndicatorDirection> COMPARISONS = new LinkedHashMap<>();

  static {
    for (String s : List.of("≤", "<=", "不高于", "不超过", "不大于", "小于等于", "低于或等于")) {
      COMPARISONS.put(s, IndicatorDirection.LE);
    }
    for (String s : List.of("≥", ">=", "不低于", "不少于", "不小于", "大于等于", "高于或等于")) {
      COMPARISONS.put(s, IndicatorDirection.GE);
    }
    for (String s : List.of("<", "低于", "小于")) {
      COMPARISONS.put(s, IndicatorDirection.LT);
    }
    for (String s : List.of(">", "高于", "大于")) {
      COMPARISONS.put(s, IndicatorDirection.GT);
    }
    for (String s : List.of("=", "等于", "达到")) {
      COMPARISONS.put(s, IndicatorDirection.EQ);
    }
    for (String s : List.of("持续提升", "提升", "上升", "持续上升", "继续提升", "↑")) {
      COMPARISONS.put(s, IndicatorDirection.INCREASE);
    }
    for (String s : List.of("继续下降", "下降", "持续下降", "降低", "↓")) {
      COMPARISONS.put(s, IndicatorDirection.DECREASE);
    }
  }

  private IndicatorCells() {}

  /** The comparison as the template and export write it. */
  static String word(IndicatorDirection direction) {
    return switch (direction) {
      case LE -> "≤";
      case GE -> "≥";
      case LT -> "<";
      case GT -> ">";
      case EQ -> "=";
      case INCREASE -> "持续提升";
      case DECREASE -> "继续下降";
    };
  }

  static Optional<IndicatorDirection> comparison(String text) {
    String key = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    return Optional.ofNullable(COMPARISONS.get(key));
  }

  /** The indicators of the row's indicator cells; problems go to {@code problems}. */
  static List<PlannedIndicator> parse(SheetRow row, List<ImportProblem> problems) {
    int n = row.rowNumber();
    List<String> names = parts(row, INDICATOR_NAME);
    List<String> comparisons = parts(row, INDICATOR_COMPARISON);
    List<String> targets = parts(row, INDICATOR_TARGET);
    List<String> units = parts(row, INDICATOR_UNIT);
    List<String> baselines = parts(row, INDICATOR_BASELINE);
    if (names.isEmpty()
        && comparisons.isEmpty()
        && targets.isEmpty()
        && units.isEmpty()
        && baselines.isEmpty()) {
      return List.of();
    }
    if (names.isEmpty()) {
      problems.add(ImportProblem.atRow(n, "row.indicator.nameMissing"));
      return List.of();
    }
    int count = names.size();
    boolean countsAgree = true;
    for (DecompositionColumn column :
        List.of(INDICATOR_COMPARISON, INDICATOR_TARGET, INDICATOR_UNIT, INDICATOR_BASELINE)) {
      int size = parts(row, column).size();
      if (size > 1 && size != count) {
        problems.add(
            ImportProblem.atRow(
                n,
                "row.indicator.countMismatch",
                column.header(),
                String.valueOf(size),
                String.valueOf(count)));
        countsAgree = false;
      }
    }
    if (!countsAgree) {
      return List.of();
    }
    List<PlannedIndicator> indicators = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = names.get(i);
      String comparisonText = part(comparisons, i);
      String unit = part(units, i);
      int before = problems.size();
      if (name.isEmpty()) {
        problems.add(ImportProblem.atRow(n, "row.indicator.nameMissing"));
      } else if (name.length() > NAME_MAX) {
        problems.add(
            ImportProblem.atRow(
                n, "row.tooLong", INDICATOR_NAME.header(), String.valueOf(NAME_MAX)));
      }
      IndicatorDirection direction = null;
      if (comparisonText.isEmpty()) {
        problems.add(ImportProblem.atRow(n, "row.indicator.comparisonMissing", name));
      } else {
        direction = comparison(comparisonText).orElse(null);
        if (direction == null) {
          problems.add(
              ImportProblem.atRow(n, "row.indicator.comparisonUnknown", name, comparisonText));
        }
      }
      BigDecimal target = number(part(targets, i), INDICATOR_TARGET, name, n, problems);
      BigDecimal baseline = number(part(baselines, i), INDICATOR_BASELINE, name, n, problems);
      // the editor's rule: a count, share or sum below zero is a stray minus, unless the name says
      // change
      if (!IndicatorSign.allowed(name, target)) {
        problems.add(
            ImportProblem.atRow(
                n, "row.indicator.negative", INDICATOR_TARGET.header(), name, part(targets, i)));
      }
      if (!IndicatorSign.allowed(name, baseline)) {
        problems.add(
            ImportProblem.atRow(
                n,
                "row.indicator.negative",
                INDICATOR_BASELINE.header(),
                name,
                part(baselines, i)));
      }
      if (unit.isEmpty() && (part(targets, i).endsWith("%") || part(targets, i).endsWith("％"))) {
        unit = "%"; // 目标值 95% without a unit
      }
      if (unit.length() > UNIT_MAX) {
        problems.add(
            ImportProblem.atRow(
                n, "row.tooLong", INDICATOR_UNIT.header(), String.valueOf(UNIT_MAX)));
      }
      if (direction != null
          && direction.isTrend()
          && baseline == null
          && part(baselines, i).isEmpty()) {
        problems.add(ImportProblem.atRow(n, "row.indicator.baselineMissing", name, comparisonText));
      }
      if (direction != null
          && !direction.isTrend()
          && target == null
          && part(targets, i).isEmpty()) {
        problems.add(ImportProblem.atRow(n, "row.indicator.targetMissing", name));
      }
      if (problems.size() == before) {
        indicators.add(
            new PlannedIndicator(name, direction, target, unit.isEmpty() ? null : unit, baseline));
      }
    }
    return indicators;
  }

  /**
   * A number of the sheet (6.5, 95%, 1,200, full-width digits); null when blank or not a number
   * (reported).
   */
  private static BigDecimal number(
      String text, DecompositionColumn column, String name, int n, List<ImportProblem> problems) {
    if (text.isEmpty()) {
      return null;
    }
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s,]", "");
    if (plain.endsWith("%")) {
      plain = plain.substring(0, plain.length() - 1);
    }
    BigDecimal value;
    try {
      value = new BigDecimal(plain);
    } catch (NumberFormatException notANumber) {
      problems.add(ImportProblem.atRow(n, "row.indicator.notNumber", column.header(), name, text));
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > 4 || stripped.precision() - stripped.scale() > 14) {
      problems.add(ImportProblem.atRow(n, "row.indicator.tooPrecise", column.header(), name, text));
      return null;
    }
    return value;
  }

  private static List<String> parts(SheetRow row, DecompositionColumn column) {
    String text = row.text(column);
    if (text.isBlank()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    for (String part : text.split(SEPARATORS, -1)) {
      parts.add(CellValues.clean(part));
    }
    // a trailing separator after the names ("平均住院日；") adds no indicator; in the other columns
    // an empty part is a value left blank ("1200；" is a baseline for the first indicator only)
    while (column == INDICATOR_NAME && parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    return parts;
  }

  /** The i-th part, or the single part that stands for all, or "". */
  private static String part(List<String> parts, int i) {
    if (parts.isEmpty()) {
      return "";
    }
    return parts.size() == 1 ? parts.get(0) : parts.get(i);
  }
}
