package org.duban.checkin;

import jakarta.persistence.CascadeType;
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
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.duban.book.Indicator;
import org.duban.book.WorkItem;

/** 月度进展: one item's report for one month, or the record that it was missed. */
@Entity
public class CheckIn {

  public enum Status {
    SUBMITTED,
    MISSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "work_item_id")
  private WorkItem workItem;

  /** yyyy-MM: the month reported on (a round opened in June asks for May; see CheckInSettings). */
  private String period;

  @Enumerated(EnumType.STRING)
  private Status status;

  private Integer percentDone;
  private String narrative;
  private String obstacles;
  private String submittedBy;
  private LocalDateTime recordedAt;

  @OneToMany(mappedBy = "checkIn", cascade = CascadeType.ALL, orphanRemoval = true)
  private List<IndicatorReading> readings = new ArrayList<>();

  protected CheckIn() {}

  static CheckIn submitted(
      WorkItem item,
      String period,
      int percentDone,
      String narrative,
      String obstacles,
      String submittedBy,
      LocalDateTime at) {
    CheckIn checkIn = new CheckIn();
    checkIn.workItem = item;
    checkIn.period = period;
    checkIn.status = Status.SUBMITTED;
    checkIn.percentDone = percentDone;
    checkIn.narrative = narrative;
    checkIn.obstacles = obstacles;
    checkIn.submittedBy = submittedBy;
    checkIn.recordedAt = at;
    return checkIn;
  }

  static CheckIn missed(WorkItem item, String period, LocalDateTime at) {
    CheckIn checkIn = new CheckIn();
    checkIn.workItem = item;
    checkIn.period = period;
    checkIn.status = Status.MISSED;
    checkIn.recordedAt = at;
    return checkIn;
  }

  void addReading(Indicator indicator, BigDecimal value) {
    readings.add(new IndicatorReading(this, indicator, value));
  }

  public Long getId() {
    return id;
  }

  public WorkItem getWorkItem() {
    return workItem;
  }

  public String getPeriod() {
    return period;
  }

  public Status getStatus() {
    return status;
  }

  public Integer getPercentDone() {
    return percentDone;
  }

  public String getNarrative() {
    return narrative;
  }

  public String getObstacles() {
    return obstacles;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public LocalDateTime getRecordedAt() {
    return recordedAt;
  }

  public List<IndicatorReading> getReadings() {
    return readings;
  }
}
