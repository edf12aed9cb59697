package org.duban.org;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDateTime;

/** Another name of a department, as the hospital's tables write it (医务科 for 医务部). */
@Entity
public class DepartmentAlias {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long departmentId;
  private String alias;
  private String aliasKey;
  private String createdBy;
  private LocalDateTime createdAt;

  protected DepartmentAlias() {}

  public DepartmentAlias(
      Long departmentId, String alias, String createdBy, LocalDateTime createdAt) {
    this.departmentId = departmentId;
    this.alias = alias;
    this.aliasKey = NameKey.of(alias);
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public Long getDepartmentId() {
    return departmentId;
  }

  public String getAlias() {
    return alias;
  }

  public String getAliasKey() {
    return aliasKey;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
