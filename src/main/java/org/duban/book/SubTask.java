package org.duban.book;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.duban.org.Department;
import org.duban.org.Person;

/** 子任务: one piece of the lead department's breakdown, with one assignee. */
@Entity
public class SubTask {

  public enum Status {
    OPEN,
    DONE,
    /** Its item was cancelled before it was done. */
    CANCELLED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "work_item_id")
  private WorkItem workItem;

  private String title;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "assignee_person_id")
  private Person assigneePerson;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "assignee_department_id")
  private Department assigneeDepartment;

  private LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  private Status status;

  private String report;
  private String reportedBy;
  private LocalDateTime createdAt;
  private LocalDateTime doneAt;

  protected SubTask() {}

  SubTask(
      WorkItem workItem,
      String title,
      Person assigneePerson,
      Department assigneeDepartment,
      LocalDate dueDate,
      LocalDateTime createdAt) {
    if ((assigneePerson == null) == (assigneeDepartment == null)) {
      throw new IllegalArgumentException("a sub-task has exactly one assignee");
    }
    this.workItem = workItem;
    this.title = title;
    this.assigneePerson = assigneePerson;
    this.assigneeDepartment = assigneeDepartment;
    this.dueDate = dueDate;
    this.status = Status.OPEN;
    this.createdAt = createdAt;
  }

  /** Its task went to someone else (a person, or a department's members): the record follows. */
  void handOver(Person person, Department department) {
    if ((person == null) == (department == null)) {
      throw new IllegalArgumentException("a sub-task has exactly one assignee");
    }
    this.assigneePerson = person;
    this.assigneeDepartment = department;
  }

  void cancelled() {
    if (status == Status.OPEN) {
      status = Status.CANCELLED;
    }
  }

  void done(String report, String reportedBy, LocalDateTime at) {
    this.status = Status.DONE;
    this.report = report;
    this.reportedBy = reportedBy;
    this.doneAt = at;
  }

  public Long getId() {
    return id;
  }

  public WorkItem getWorkItem() {
    return workItem;
  }

  public String getTitle() {
    return title;
  }

  public Person getAssigneePerson() {
    return assigneePerson;
  }

  public Department getAssigneeDepartment() {
    return assigneeDepartment;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public Status getStatus() {
    return status;
  }

  public String getReport() {
    return report;
  }

  public String getReportedBy() {
    return reportedBy;
  }

  public LocalDateTime getDoneAt() {
    return doneAt;
  }

  public String assigneeName() {
    return assigneePerson != null ? assigneePerson.getFullName() : assigneeDepartment.getName();
  }
}
