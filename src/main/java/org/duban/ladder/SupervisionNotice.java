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
import java.util.Locale;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;

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

  /**
   * A requirement the app wrote (a red notice), as a message key and arguments (V32); null: the
   * office's own words.
   */
  private String requirementKey;

  private String requirementArgs;
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

  /** Keeps the requirement as a key too, so that each reader gets it in their language. */
  void requirementWorded(MessageText text) {
    this.requirementKey = text.key();
    this.requirementArgs = text.argsJson();
  }

  /**
   * The notice's number as its reader reads it: 督〔2026〕15号 is the document number printed on the
   * notice, so it is worded by the bundle's pattern ({@code ladder.notice.number}) like the rest of
   * it.
   */
  public String number() {
    return number(MessageTexts.readerLocale());
  }

  /** The number in one language; in {@link MessageTexts#DEFAULT} for texts stored in Chinese. */
  public String number(Locale locale) {
    return numberText().in(locale);
  }

  public MessageText numberText() {
    return MessageText.of("ladder.notice.number", year, seq);
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

  /** The requirement in the reader's language (the office's own words as written). */
  public String getRequirement() {
    return MessageTexts.stored(requirementKey, requirementArgs, requirement);
  }

  /**
   * The requirement in one language; in {@link MessageTexts#DEFAULT} for documents stored in
   * Chinese.
   */
  public String requirementIn(Locale locale) {
    MessageText text = MessageText.stored(requirementKey, requirementArgs);
    return text == null ? requirement : text.in(locale);
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
