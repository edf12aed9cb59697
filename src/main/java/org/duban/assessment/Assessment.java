package org.duban.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/** The year-end assessment (年终考核) of one issued task book. */
@Entity
public class Assessment {

  public enum Status {
    /** Opened; departments review their scores, appeals wait for a leader. */
    REVIEW,
    /** Results published: final, visible to all departments and leaders. */
    PUBLISHED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long taskBookId;

  @Column(name = "assessment_year")
  private int year;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String openedBy;
  private LocalDateTime openedAt;
  private String publishedBy;
  private LocalDateTime publishedAt;
  private String processInstanceId;

  @Version private int version;

  protected Assessment() {}

  public Assessment(Long taskBookId, int year, String openedBy, LocalDateTime openedAt) {
    this.taskBookId = taskBookId;
    this.year = year;
    this.openedBy = openedBy;
    this.openedAt = openedAt;
    this.status = Status.REVIEW;
  }

  void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void published(String by, LocalDateTime at) {
    this.status = Status.PUBLISHED;
    this.publishedBy = by;
    this.publishedAt = at;
  }

  public boolean isPublished() {
    return status == Status.PUBLISHED;
  }

  public Long getId() {
    return id;
  }

  public Long getTaskBookId() {
    return taskBookId;
  }

  public int getYear() {
    return year;
  }

  public Status getStatus() {
    return status;
  }

  public String getOpenedBy() {
    return openedBy;
  }

  public LocalDateTime getOpenedAt() {
    return openedAt;
  }

  public String getPublishedBy() {
    return publishedBy;
  }

  public LocalDateTime getPublishedAt() {
    return publishedAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
