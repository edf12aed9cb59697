package org.duban.light;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExpectedProgressTest {

  private static final LocalDate START = LocalDate.of(2026, 1, 1);
  private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);

  @Test
  void isTheShareOfTheBooksTimeThatHasPassed() {
    // 181 of 364 days: just under half the year
    assertThat(LightFactsCalculator.expectedProgress(START, DEADLINE, LocalDate.of(2026, 7, 1)))
        .isEqualTo(49);
  }

  @Test
  void isZeroBeforeTheStartAndFullFromTheDeadlineOn() {
    assertThat(LightFactsCalculator.expectedProgress(START, DEADLINE, LocalDate.of(2025, 12, 1)))
        .isZero();
    assertThat(LightFactsCalculator.expectedProgress(START, DEADLINE, START)).isZero();
    assertThat(LightFactsCalculator.expectedProgress(START, DEADLINE, DEADLINE)).isEqualTo(100);
    assertThat(LightFactsCalculator.expectedProgress(START, DEADLINE, DEADLINE.plusDays(40)))
        .isEqualTo(100);
  }

  @Test
  void aDeadlineOnTheStartDayIsDueAtOnce() {
    assertThat(LightFactsCalculator.expectedProgress(START, START, START)).isEqualTo(100);
  }
}
