package org.duban.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A row of the calendar table: one special day as the admin keeps it. */
@Entity
@Table(name = "work_calendar_day")
public class CalendarDay {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "special_date", nullable = false, unique = true)
  private LocalDate date;

  @Enumerated(EnumType.STRING)
  private DayKind kind;

  private String name;
  private String source;
  private boolean provisional;
  private String updatedBy;
  private LocalDateTime updatedAt;

  protected CalendarDay() {}

  CalendarDay(SpecialDay day, String updatedBy, LocalDateTime updatedAt) {
    this.date = day.date();
    update(day, updatedBy, updatedAt);
  }

  void update(SpecialDay day, String updatedBy, LocalDateTime updatedAt) {
    this.kind = day.kind();
    this.name = day.name();
    this.source = day.source();
    this.provisional = day.provisional();
    this.updatedBy = updatedBy;
    this.updatedAt = updatedAt;
  }

  public SpecialDay toSpecialDay() {
    return new SpecialDay(date, kind, name, source, provisional);
  }

  public Long getId() {
    return id;
  }

  public LocalDate getDate() {
    return date;
  }

  public DayKind getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public String getSource() {
    return source;
  }

  public boolean isProvisional() {
    return provisional;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }
}
