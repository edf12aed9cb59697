package org.duban.org;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDateTime;

/** Another name of a leader, as the hospital's tables write it (a title such as 业务副院长). */
@Entity
public class PersonAlias {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long personId;
  private String alias;
  private String aliasKey;
  private String createdBy;
  private LocalDateTime createdAt;

  protected PersonAlias() {}

  public PersonAlias(Long personId, String alias, String createdBy, LocalDateTime createdAt) {
    this.personId = personId;
    this.alias = alias;
    this.aliasKey = NameKey.of(alias);
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public Long getPersonId() {
    return personId;
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
