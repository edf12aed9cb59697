package org.duban.urge;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** 催办: the supervision office or the book's issuer presses an open item, with a short message. */
@Entity
public class Urge {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long workItemId;
  private String urger;
  private String message;

  /** The engine clock's day of the urge, the unit of the daily limits. */
  private LocalDate urgeDay;

  private LocalDateTime urgedAt;

  protected Urge() {}

  Urge(Long workItemId, String urger, String message, LocalDateTime urgedAt) {
    this.workItemId = workItemId;
    this.urger = urger;
    this.message = message;
    this.urgeDay = urgedAt.toLocalDate();
    this.urgedAt = urgedAt;
  }

  public Long getId() {
    return id;
  }

  public Long getWorkItemId() {
    return workItemId;
  }

  public String getUrger() {
    return urger;
  }

  public String getMessage() {
    return message;
  }

  public LocalDate getUrgeDay() {
    return urgeDay;
  }

  public LocalDateTime getUrgedAt() {
    return urgedAt;
  }
}
