package org.duban.demo;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The one row of demo_clock: how far the demo's engine clock runs ahead of real time. */
@Entity
@Table(name = "demo_clock")
class DemoClockState {

  static final int ID = 1;

  @Id private Integer id;
  private long offsetMillis;
  private String movedBy;
  private LocalDateTime movedAt;

  protected DemoClockState() {}

  DemoClockState(long offsetMillis, String movedBy, LocalDateTime movedAt) {
    this.id = ID;
    moved(offsetMillis, movedBy, movedAt);
  }

  void moved(long offsetMillis, String movedBy, LocalDateTime movedAt) {
    this.offsetMillis = offsetMillis;
    this.movedBy = movedBy;
    this.movedAt = movedAt;
  }

  long getOffsetMillis() {
    return offsetMillis;
  }

  String getMovedBy() {
    return movedBy;
  }
}
