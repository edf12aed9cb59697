package org.duban.decomposition;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the decomposition table (分解表) as hospitals keep it in Excel. The Chinese header
 * is part of the file format, like a BPMN id: import matches it (or one of its usual variants) in
 * any order, and export and the template write it exactly.
 */
public enum DecompositionColumn {
  SEQ("序号", true, "编号"),
  GOAL_AREA("目标领域", true, "领域"),
  TITLE("工作任务", true, "重点工作", "任务"),
  TARGET("具体目标/指标", false, "具体目标", "目标/指标", "具体目标(指标)", "工作目标"),
  LEAD("牵头部门", true, "牵头科室"),
  COLLABORATORS("协同部门", false, "协同科室", "配合部门", "责任(协同)部门"),
  LEADER("分管领导", true, "分管院领导", "责任领导"),
  DEADLINE("完成时限", true, "完成时间", "时限");

  private final String header;
  private final boolean required;
  private final List<String> variants;

  DecompositionColumn(String header, boolean required, String... variants) {
    this.header = header;
    this.required = required;
    this.variants = List.of(variants);
  }

  /** The header as export and the template write it. */
  public String header() {
    return header;
  }

  /** Whether every row must fill this cell (and the header must have the column). */
  public boolean required() {
    return required;
  }

  /** The column a header cell names, ignoring spaces, full-width brackets and a trailing *. */
  public static Optional<DecompositionColumn> ofHeader(String text) {
    String key = headerKey(text);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    for (DecompositionColumn column : values()) {
      if (headerKey(column.header).equals(key)
          || column.variants.stream().anyMatch(v -> headerKey(v).equals(key))) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }

  static String headerKey(String text) {
    if (text == null) {
      return "";
    }
    String key = text.replaceAll("[\\s\\u00A0\\u3000]+", "")
        .replace('（', '(').replace('）', ')').replace('／', '/')
        .toLowerCase(Locale.ROOT);
    while (key.endsWith("*") || key.endsWith("＊")) {
      key = key.substring(0, key.length() - 1);
    }
    return key;
  }
}
