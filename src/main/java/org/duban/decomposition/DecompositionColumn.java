package org.duban.decomposition;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of the decomposition table (分解表) as hospitals keep it in Excel. The Chinese header is
 * part of the file format, like a BPMN id: import matches it (or one of the variants hospitals
 * write, or one an admin added, see {@link HeaderVariantService}) in any order, and export and the
 * template write it exactly. Then come the item's indicators and its start date (all optional).
 */
public enum DecompositionColumn {
  SEQ("序号", true, "编号", "序"),
  GOAL_AREA("目标领域", true, "领域", "目标类别", "工作类别", "类别", "战略领域", "重点领域"),
  TITLE("工作任务", true, "重点工作", "任务", "主要任务", "工作内容", "任务内容", "重点任务", "工作事项"),
  TARGET("具体目标/指标", false, "具体目标", "目标/指标", "具体目标(指标)", "工作目标", "目标", "目标要求", "工作要求"),
  LEAD("牵头部门", true, "牵头科室", "牵头单位", "责任单位", "责任部门", "责任科室", "牵头处室", "主责部门", "主责科室"),
  COLLABORATORS(
      "协同部门", false, "协同科室", "配合部门", "责任(协同)部门", "配合单位", "协办单位", "协同单位", "配合科室", "协办部门", "协办科室"),
  LEADER("分管领导", true, "分管院领导", "责任领导", "分管院长", "牵头领导", "主管领导", "分管领导(职务)"),
  DEADLINE("完成时限", true, "完成时间", "时限", "时间节点", "完成期限", "截止时间", "时间要求", "完成时间节点"),
  INDICATOR_NAME("指标名称", false, "指标", "考核指标", "监测指标"),
  INDICATOR_COMPARISON("比较方式", false, "比较", "比较符", "达标方式", "指标方向"),
  INDICATOR_TARGET("目标值", false, "指标目标值", "指标值"),
  INDICATOR_UNIT("单位", false, "指标单位", "计量单位"),
  INDICATOR_BASELINE("基线值", false, "基线", "基期值", "现状值"),
  /**
   * When the work began, when before the item is issued; 序时进度 runs from it (empty: from the issue).
   */
  START_DATE("开始时间", false, "开始日期", "起始时间", "起始日期", "启动时间", "开始时限");

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

  /** One of the indicator columns, which a row fills all or none of. */
  public boolean isIndicator() {
    return ordinal() >= INDICATOR_NAME.ordinal();
  }

  /** The headers this column is known by besides its own, as Duban ships them. */
  public List<String> variants() {
    return variants;
  }

  /** The column a header cell names, ignoring spaces, full-width brackets and a trailing *. */
  public static Optional<DecompositionColumn> ofHeader(String text) {
    return ofHeader(text, Map.of());
  }

  /**
   * The column a header cell names, by the built-in headers or else by the admin's own variants
   * ({@link #headerKey} to column).
   */
  public static Optional<DecompositionColumn> ofHeader(
      String text, Map<String, DecompositionColumn> added) {
    String key = headerKey(text);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Optional<DecompositionColumn> builtIn = builtIn(key);
    return builtIn.isPresent() ? builtIn : Optional.ofNullable(added.get(key));
  }

  /** The column a header key names among the headers Duban ships. */
  static Optional<DecompositionColumn> builtIn(String key) {
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
    String key =
        text.replaceAll("[\\s\\u00A0\\u3000]+", "")
            .replace('（', '(')
            .replace('）', ')')
            .replace('／', '/')
            .toLowerCase(Locale.ROOT);
    while (key.endsWith("*") || key.endsWith("＊")) {
      key = key.substring(0, key.length() - 1);
    }
    return key;
  }
}
