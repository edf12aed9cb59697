package org.duban.supervision;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.duban.workitem.Light;

/** One run of the weekly supervision over all open items, with its counts. */
@Entity
@Table(name = "supervision_sweep")
public class Sweep {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private LocalDateTime startedAt;
  private LocalDateTime finishedAt;
  private int green;
  private int yellow;
  private int red;
  private int escalated;

  protected Sweep() {}

  Sweep(LocalDateTime startedAt) {
    this.startedAt = startedAt;
  }

  void counted(Light light) {
    switch (light) {
      case GREEN -> green++;
      case YELLOW -> yellow++;
      case RED -> red++;
    }
  }

  void escalated() {
    escalated++;
  }

  void finished(LocalDateTime at) {
    finishedAt = at;
  }

  public Long getId() {
    return id;
  }

  public LocalDateTime getStartedAt() {
    return startedAt;
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
