package org.duban.orgadmin;

import org.duban.org.DepartmentView;

/** What an admin types to create or edit a department; shown again after a refusal. */
public class DepartmentForm {

  private String code = "";
  private String name = "";
  private String shortName = "";
  private String kind = "FUNCTIONAL";

  public static DepartmentForm of(DepartmentView department) {
    DepartmentForm form = new DepartmentForm();
    form.code = department.code();
    form.name = department.name();
    form.shortName = department.shortName() == null ? "" : department.shortName();
    form.kind = department.kind().name();
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
