package org.duban.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The report's week: Monday to Sunday, numbered in its ISO week-based year. */
class ReportWeekTest {

  @Test
  void aDayBelongsToTheWeekFromItsMondayToItsSunday() {
    // Given Sunday 15 March 2026, Then its week runs from Monday 9 to Sunday 15 March
    ReportWeek week = ReportWeek.containing(LocalDate.of(2026, 3, 15));
    assertThat(week.monday()).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(week.sunday()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(ReportWeek.containing(LocalDate.of(2026, 3, 9))).isEqualTo(week);
    assertThat(week.end()).isEqualTo(LocalDateTime.of(2026, 3, 16, 0, 0));
  }

  @Test
  void onMondayTheLastFinishedWeekIsThePreviousOne() {
    // Given Monday 16 March 2026 at 10:00, when the timer fires, Then the week just over is 9 to 15
    // March
    ReportWeek last = ReportWeek.lastFinishedBefore(LocalDate.of(2026, 3, 16));
    assertThat(last.monday()).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(last.isOverAt(LocalDateTime.of(2026, 3, 16, 10, 0))).isTrue();
    assertThat(last.isOverAt(LocalDateTime.of(2026, 3, 15, 23, 59))).isFalse();
    assertThat(last.hasStartedAt(LocalDateTime.of(2026, 3, 8, 23, 59))).isFalse();
  }

  @Test
  void theWeekAcrossNewYearIsNumberedInTheYearThatHasMostOfIt() {
    // Given the week from Monday 29 December 2025 to Sunday 4 January 2026, Then it is a week of
    // 2026
    assertThat(ReportWeek.containing(LocalDate.of(2025, 12, 31)).numberingYear()).isEqualTo(2026);
    // And the week from Monday 28 December 2026 to Sunday 3 January 2027 is one of 2026
    assertThat(ReportWeek.containing(LocalDate.of(2027, 1, 2)).numberingYear()).isEqualTo(2026);
  }

  @Test
  void aWeekStartsOnAMonday() {
    assertThatThrownBy(() -> new ReportWeek(LocalDate.of(2026, 3, 10)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
