package org.duban.org;

/** What a department is, which decides what it may do in Duban. */
public enum DepartmentKind {
  /** 院领导班子: leaders belong here. */
  LEADERSHIP,
  /** 职能部门: administrative departments that often lead items. */
  FUNCTIONAL,
  /** 临床医技科室. */
  CLINICAL,
  /** 督查室 / 纪检室. */
  SUPERVISION
}
