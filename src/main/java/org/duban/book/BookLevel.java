package org.duban.book;

/** Where a book stands in the hospital's hierarchy of targets; message key {@code level.<NAME>}. */
public enum BookLevel {
  /** 任期目标责任书: a leader's multi-year term. */
  TERM,
  /** 年度目标任务书: the hospital's annual book. */
  HOSPITAL,
  /** 分管领导任务书: the part of an annual book a leader in charge answers for. */
  LEADER,
  /** 中层干部 / 科室任务书: a department's book, signed by its head. */
  DEPARTMENT
}
