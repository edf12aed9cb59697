package org.duban.ladder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** 督办单: a numbered notice to the lead department about a slow item, with a deadline. */
@Entity
public class SupervisionNotice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long escalationId;
  private Long workItemId;
  private Long departmentId;
  @Column(name = "notice_year")
  private int year;
  private int seq;
  private String requirement;
  private LocalDate deadline;
  private String issuedBy;
  private LocalDateTime issuedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "ladder_level")
  private LadderLevel level;

  /** The leader in charge a red notice is addressed to; null for a yellow notice. */
  private String addressee;

  protected SupervisionNotice() {}

  SupervisionNotice(
      Long escalationId,
      Long workItemId,
      Long departmentId,
      int year,
      int seq,
      String requirement,
      LocalDate deadline,
      String issuedBy,
      LocalDateTime issuedAt,
      LadderLevel level,
      String addressee) {
    this.escalationId = escalationId;
    this.workItemId = workItemId;
    this.departmentId = departmentId;
    this.year = year;
    this.seq = seq;
    this.requirement = requirement;
    this.deadline = deadline;
    this.issuedBy = issuedBy;
    this.issuedAt = issuedAt;
    this.level = level;
    this.addressee = addressee;
  }

  /** 督〔2026〕15号. */
  public String number() {
    return "督〔" + year + "〕" + seq + "号";
  }

  public Long getId() {
    return id;
  }

  public Long getEscalationId() {
    return escalationId;
  }

  public Long getWorkItemId() {
    return workItemId;
  }

  public Long getDepartmentId() {
    return departmentId;
  }

  public int getYear() {
    return year;
  }

  public int getSeq() {
    return seq;
  }

  public String getRequirement() {
    return requirement;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public String getIssuedBy() {
    return issuedBy;
  }

  public LocalDateTime getIssuedAt() {
    return issuedAt;
  }

  public LadderLevel getLevel() {
    return level;
  }

  public String getAddressee() {
    return addressee;
  }
}
