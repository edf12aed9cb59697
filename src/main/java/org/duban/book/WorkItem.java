package org.duban.book;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.duban.infrastructure.MessageText;
import org.duban.infrastructure.MessageTexts;
import org.duban.org.Department;
import org.duban.org.Person;

/** 工作任务: one line of a task book's decomposition table. */
@Entity
public class WorkItem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "task_book_id")
  private TaskBook taskBook;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "goal_area_id")
  private GoalArea goalArea;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_item_id")
  private WorkItem parentItem;

  private String seq;
  private String title;
  private String targetText;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "lead_department_id")
  private Department leadDepartment;

  @ManyToMany
  @JoinTable(
      name = "work_item_collaborator",
      joinColumns = @JoinColumn(name = "work_item_id"),
      inverseJoinColumns = @JoinColumn(name = "department_id"))
  private Set<Department> collaborators = new LinkedHashSet<>();

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "leader_in_charge_id")
  private Person leaderInCharge;

  private LocalDate deadline;
  private String acceptanceCriteria;

  /** The day the work starts when a decomposition sheet gives one; null: it starts when issued. */
  private LocalDate startDate;

  @Enumerated(EnumType.STRING)
  private ItemStage stage;

  private int percentDone;

  @Enumerated(EnumType.STRING)
  private Light light;

  private String lightReason;

  /**
   * The reason as a message key and arguments (V32), worded for the reader; null: show lightReason.
   */
  private String lightReasonKey;

  private String lightReasonArgs;
  private LocalDateTime lightAt;
  private LocalDateTime issuedAt;
  private LocalDateTime closedAt;

  @OneToMany(mappedBy = "workItem", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<Indicator> indicators = new ArrayList<>();

  @Version private int version;

  protected WorkItem() {}

  WorkItem(
      TaskBook taskBook,
      GoalArea goalArea,
      String seq,
      String title,
      String targetText,
      Department leadDepartment,
      Person leaderInCharge,
      LocalDate deadline,
      String acceptanceCriteria) {
    this.taskBook = taskBook;
    this.goalArea = goalArea;
    this.seq = seq;
    this.title = title;
    this.targetText = targetText;
    this.leadDepartment = leadDepartment;
    this.leaderInCharge = leaderInCharge;
    this.deadline = deadline;
    this.acceptanceCriteria = acceptanceCriteria;
    this.stage = ItemStage.DRAFT;
  }

  Indicator addIndicator(
      String name,
      String unit,
      IndicatorDirection direction,
      BigDecimal baseline,
      BigDecimal target) {
    Indicator indicator = new Indicator(this, name, unit, direction, baseline, target);
    indicators.add(indicator);
    return indicator;
  }

  /** Marks this item as the breakdown of an item of the book one level up. */
  void breaksDown(WorkItem parent) {
    if (parent == this) {
      throw new IllegalArgumentException("an item cannot break itself down");
    }
    this.parentItem = parent;
  }

  void addCollaborator(Department department) {
    collaborators.add(department);
  }

  void issued(LocalDateTime at) {
    stage = ItemStage.AWAITING_CLAIM;
    issuedAt = at;
  }

  void movedTo(ItemStage next) {
    stage = next;
  }

  void reassignTo(Department department) {
    leadDepartment = department;
    collaborators.remove(department);
  }

  /** Applies an approved change request (变更申请) to the issued item's terms. */
  void revise(
      String title,
      String targetText,
      Person leaderInCharge,
      LocalDate deadline,
      String acceptanceCriteria) {
    this.title = title;
    this.targetText = targetText;
    this.leaderInCharge = leaderInCharge;
    this.deadline = deadline;
    this.acceptanceCriteria = acceptanceCriteria;
  }

  /** The start date a decomposition sheet gives (开始时间); null to start when issued. */
  void startOn(LocalDate day) {
    this.startDate = day;
  }

  void reported(int percent) {
    percentDone = Math.max(0, Math.min(100, percent));
  }

  void lit(Light light, String reason, LocalDateTime at) {
    lit(light, reason, null, at);
  }

  /**
   * As {@link #lit(Light, String, LocalDateTime)}, with the reason's words kept as a key for the
   * reader's language.
   */
  void lit(Light light, String reason, MessageText reasonText, LocalDateTime at) {
    this.light = light;
    this.lightReason = reason;
    this.lightReasonKey = reasonText == null ? null : reasonText.key();
    this.lightReasonArgs = reasonText == null ? null : reasonText.argsJson();
    this.lightAt = at;
  }

  /**
   * Withdrawn by an approved change: no longer open, but not done (its progress stays as reported).
   */
  void cancelled() {
    stage = ItemStage.CANCELLED;
  }

  void closed(LocalDateTime at) {
    stage = ItemStage.CLOSED;
    percentDone = 100;
    closedAt = at;
  }

  public Long getId() {
    return id;
  }

  public TaskBook getTaskBook() {
    return taskBook;
  }

  public GoalArea getGoalArea() {
    return goalArea;
  }

  public WorkItem getParentItem() {
    return parentItem;
  }

  public String getSeq() {
    return seq;
  }

  public String getTitle() {
    return title;
  }

  public String getTargetText() {
    return targetText;
  }

  public Department getLeadDepartment() {
    return leadDepartment;
  }

  /** Read-only: collaborators are added through {@code book}'s services. */
  public Set<Department> getCollaborators() {
    return java.util.Collections.unmodifiableSet(collaborators);
  }

  public Person getLeaderInCharge() {
    return leaderInCharge;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public String getAcceptanceCriteria() {
    return acceptanceCriteria;
  }

  public ItemStage getStage() {
    return stage;
  }

  public int getPercentDone() {
    return percentDone;
  }

  public Light getLight() {
    return light;
  }

  /**
   * The light's reason in the reader's language (the stored Chinese words when no key was kept).
   */
  public String getLightReason() {
    return MessageTexts.stored(lightReasonKey, lightReasonArgs, lightReason);
  }

  /** The light's reason as a key and arguments; null when only words were stored. */
  public MessageText getLightReasonText() {
    return MessageText.stored(lightReasonKey, lightReasonArgs);
  }

  public LocalDateTime getLightAt() {
    return lightAt;
  }

  public LocalDateTime getIssuedAt() {
    return issuedAt;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  /**
   * Where the item's 序时进度 starts: its own start date, else the day it was issued, else (a draft)
   * its book's start. An item issued in the last quarter has the time from then on, not the year.
   */
  public LocalDate startOfWork() {
    return startOfWork(startDate, issuedAt, taskBook.getPeriodStart());
  }

  /** {@link #startOfWork()} from the three dates, for queries that read them as columns. */
  public static LocalDate startOfWork(
      LocalDate startDate, LocalDateTime issuedAt, LocalDate bookStart) {
    if (startDate != null) {
      return startDate;
    }
    return issuedAt != null ? issuedAt.toLocalDate() : bookStart;
  }

  public LocalDateTime getClosedAt() {
    return closedAt;
  }

  /** Read-only: indicators are added through {@code book}'s services. */
  public List<Indicator> getIndicators() {
    return java.util.Collections.unmodifiableList(indicators);
  }
}
