package org.duban.ladder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The last notice number handed out in a year. */
@Entity
class NoticeCounter {

  @Column(name = "counter_year")
  @Id
  private Integer year;

  private int lastSeq;

  protected NoticeCounter() {}

  NoticeCounter(int year) {
    this.year = year;
  }

  int next() {
    return ++lastSeq;
  }
}
