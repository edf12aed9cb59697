package org.duban.change;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDateTime;

/** One numbered state of an issued book's items, kept as JSON; never changed once written. */
@Entity
public class BookVersion {

  /** Cause of version 1. Later versions name the change request's reason. */
  public static final String ISSUED = "ISSUED";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long taskBookId;
  private int versionNo;
  private String snapshot;
  private String cause;
  private String createdBy;
  private LocalDateTime createdAt;

  protected BookVersion() {}

  BookVersion(
      Long taskBookId,
      int versionNo,
      String snapshot,
      String cause,
      String createdBy,
      LocalDateTime createdAt) {
    this.taskBookId = taskBookId;
    this.versionNo = versionNo;
    this.snapshot = snapshot;
    this.cause = cause;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public Long getTaskBookId() {
    return taskBookId;
  }

  public int getVersionNo() {
    return versionNo;
  }

  public String getSnapshot() {
    return snapshot;
  }

  public String getCause() {
    return cause;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }
}
