package org.duban.taskbook;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.duban.org.Person;

/** 目标任务书: issued by a leader for a period, broken into goal areas and work items. */
@Entity
public class TaskBook {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String title;
  @Column(name = "book_year")
  private int year;
  private LocalDate periodStart;
  private LocalDate periodEnd;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "issuer_id")
  private Person issuer;

  @Enumerated(EnumType.STRING)
  private TaskBookStatus status;

  private String reviewComment;
  private String processInstanceId;
  private LocalDateTime createdAt;
  private LocalDateTime issuedAt;
  private LocalDateTime closedAt;

  @OneToMany(mappedBy = "taskBook", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("sortOrder")
  private List<GoalArea> goalAreas = new ArrayList<>();

  @Version private int version;

  protected TaskBook() {}

  public TaskBook(
      String title, int year, LocalDate periodStart, LocalDate periodEnd, Person issuer, LocalDateTime now) {
    this.title = title;
    this.year = year;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.issuer = issuer;
    this.status = TaskBookStatus.DRAFT;
    this.createdAt = now;
  }

  public GoalArea addGoalArea(String name) {
    GoalArea area = new GoalArea(this, name, goalAreas.size() + 1);
    goalAreas.add(area);
    return area;
  }

  public boolean isEditable() {
    return status == TaskBookStatus.DRAFT;
  }

  void submitted() {
    status = TaskBookStatus.IN_REVIEW;
  }

  void sentBack(String comment) {
    status = TaskBookStatus.DRAFT;
    reviewComment = comment;
  }

  void issued(LocalDateTime at) {
    status = TaskBookStatus.ISSUED;
    issuedAt = at;
  }

  void closed(LocalDateTime at) {
    status = TaskBookStatus.CLOSED;
    closedAt = at;
  }

  void startedProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public int getYear() {
    return year;
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public LocalDate getPeriodEnd() {
    return periodEnd;
  }

  public Person getIssuer() {
    return issuer;
  }

  public TaskBookStatus getStatus() {
    return status;
  }

  public String getReviewComment() {
    return reviewComment;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public LocalDateTime getIssuedAt() {
    return issuedAt;
  }

  public LocalDateTime getClosedAt() {
    return closedAt;
  }

  public List<GoalArea> getGoalAreas() {
    return goalAreas;
  }
}
