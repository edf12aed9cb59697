package org.duban.book;

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
import org.duban.org.Department;
import org.duban.org.Person;

/** 目标任务书: issued by a leader for a period, broken into goal areas and work items. */
@Entity
public class TaskBook {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private TaskBook parent;

  @Enumerated(EnumType.STRING)
  @Column(name = "book_level")
  private BookLevel level = BookLevel.HOSPITAL;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "responsible_department_id")
  private Department responsibleDepartment;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "responsible_person_id")
  private Person responsiblePerson;

  private String signedBy;
  private LocalDateTime signedAt;

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

  TaskBook(
      String title,
      int year,
      LocalDate periodStart,
      LocalDate periodEnd,
      Person issuer,
      LocalDateTime now) {
    this.title = title;
    this.year = year;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.issuer = issuer;
    this.status = TaskBookStatus.DRAFT;
    this.createdAt = now;
  }

  /** Places the book in the hierarchy and names who signs it. */
  void placeIn(
      BookLevel level,
      TaskBook parent,
      Department responsibleDepartment,
      Person responsiblePerson) {
    this.level = level;
    this.parent = parent;
    this.responsibleDepartment = responsibleDepartment;
    this.responsiblePerson = responsiblePerson;
  }

  /** A book with a responsible party is a responsibility book (责任书): someone signs it. */
  public boolean needsSigning() {
    return responsibleDepartment != null || responsiblePerson != null;
  }

  /**
   * Who may sign: the head or a deputy of the responsible department ({@link Department#isLedBy}),
   * or the responsible person (for a leader's book).
   */
  public boolean maySign(Person person) {
    if (person == null || !person.isActive()) {
      return false;
    }
    if (responsiblePerson != null && responsiblePerson.getId().equals(person.getId())) {
      return true;
    }
    return responsibleDepartment != null && responsibleDepartment.isLedBy(person);
  }

  /**
   * The responsible department and/or person as shown to users, or null for a book nobody signs.
   */
  public String responsibleParty() {
    if (responsibleDepartment != null && responsiblePerson != null) {
      return responsibleDepartment.getName() + " " + responsiblePerson.getFullName();
    }
    if (responsibleDepartment != null) {
      return responsibleDepartment.getName();
    }
    return responsiblePerson == null ? null : responsiblePerson.getFullName();
  }

  void signed(String username, LocalDateTime at) {
    this.signedBy = username;
    this.signedAt = at;
  }

  GoalArea addGoalArea(String name) {
    GoalArea area = new GoalArea(this, name, goalAreas.size() + 1);
    goalAreas.add(area);
    return area;
  }

  public boolean isEditable() {
    return status == TaskBookStatus.DRAFT;
  }

  /**
   * The drafter corrects what the book is; the service has checked the values against the book's
   * items.
   */
  void correct(String title, int year, LocalDate periodStart, LocalDate periodEnd) {
    this.title = title;
    this.year = year;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
  }

  void deleted() {
    status = TaskBookStatus.DELETED;
  }

  public boolean isDeleted() {
    return status == TaskBookStatus.DELETED;
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

  public TaskBook getParent() {
    return parent;
  }

  public BookLevel getLevel() {
    return level;
  }

  public Department getResponsibleDepartment() {
    return responsibleDepartment;
  }

  public Person getResponsiblePerson() {
    return responsiblePerson;
  }

  public String getSignedBy() {
    return signedBy;
  }

  public LocalDateTime getSignedAt() {
    return signedAt;
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

  /** Read-only: goal areas are added through {@code book}'s services. */
  public List<GoalArea> getGoalAreas() {
    return java.util.Collections.unmodifiableList(goalAreas);
  }
}
