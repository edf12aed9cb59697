package org.duban.orgadmin;

import org.duban.org.Department;

/** What an admin types to create or edit a department; shown again after a refusal. */
public class DepartmentForm {

  private String code = "";
  private String name = "";
  private String shortName = "";
  private String kind = "FUNCTIONAL";

  public static DepartmentForm of(Department department) {
    DepartmentForm form = new DepartmentForm();
    form.code = department.getCode();
    form.name = department.getName();
    form.shortName = department.getShortName() == null ? "" : department.getShortName();
    form.kind = department.getKind().name();
    return form;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code == null ? "" : code.strip();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name == null ? "" : name.strip();
  }

  public String getShortName() {
    return shortName;
  }

  public void setShortName(String shortName) {
    this.shortName = shortName == null ? "" : shortName.strip();
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind == null ? "" : kind.strip();
  }
}
