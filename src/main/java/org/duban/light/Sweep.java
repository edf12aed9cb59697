package org.duban.light;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;

/** One run of the weekly supervision over all open items, with its counts. */
@Entity
@Table(name = "supervision_sweep")
public class Sweep {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /**
   * The ISO week the sweep belongs to, e.g. {@code 2026-W49}: the ladder hears of an item once in
   * it.
   */
  private String isoWeek;

  private LocalDateTime startedAt;
  private LocalDateTime finishedAt;

  /** Who pressed "run now"; null for the weekly timer. */
  private String startedBy;

  /**
   * The open items when the sweep started: how many it sets out to light (null for older sweeps).
   */
  private Integer itemCount;

  private int green;
  private int yellow;
  private int red;
  private int escalated;

  protected Sweep() {}

  Sweep(LocalDateTime startedAt) {
    this(startedAt, null, null);
  }

  Sweep(LocalDateTime startedAt, String startedBy, Integer itemCount) {
    this.startedAt = startedAt;
    this.isoWeek = isoWeekOf(startedAt.toLocalDate());
    this.startedBy = startedBy;
    this.itemCount = itemCount;
  }

  /** {@code 2026-W49}; the week-based year, so 2026-12-31 may belong to 2027-W01. */
  static String isoWeekOf(LocalDate date) {
    return String.format(
        "%d-W%02d",
        date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /**
   * The counts are taken from what the sweep recorded when it ends, never added up item by item.
   */
  void finished(int green, int yellow, int red, int escalated, LocalDateTime at) {
    this.green = green;
    this.yellow = yellow;
    this.red = red;
    this.escalated = escalated;
    this.finishedAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getIsoWeek() {
    return isoWeek;
  }

  public LocalDateTime getStartedAt() {
    return startedAt;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Integer getItemCount() {
    return itemCount;
  }

  public LocalDateTime getFinishedAt() {
    return finishedAt;
  }

  public int getGreen() {
    return green;
  }

  public int getYellow() {
    return yellow;
  }

  public int getRed() {
    return red;
  }

  public int getEscalated() {
    return escalated;
  }
}
