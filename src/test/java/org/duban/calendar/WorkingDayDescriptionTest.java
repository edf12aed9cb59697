package org.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.duban.calendar.engine.WorkingDayDescription;
import org.junit.jupiter.api.Test;

class WorkingDayDescriptionTest {

  @Test
  void readsWorkingDaysInEnglishAndChinese() {
    assertThat(WorkingDayDescription.parse("5 working days")).hasValue(5);
    assertThat(WorkingDayDescription.parse("1 working day")).hasValue(1);
    assertThat(WorkingDayDescription.parse(" 10 Working Days ")).hasValue(10);
    assertThat(WorkingDayDescription.parse("5个工作日")).hasValue(5);
    assertThat(WorkingDayDescription.parse("5 工作日")).hasValue(5);
  }

  @Test
  void leavesEverythingElseToTheEngine() {
    assertThat(WorkingDayDescription.parse("P5D")).isEmpty();
    assertThat(WorkingDayDescription.parse("0 30 8 ? * MON")).isEmpty();
    assertThat(WorkingDayDescription.parse("2026-10-08T09:00:00")).isEmpty();
    assertThat(WorkingDayDescription.parse("five working days")).isEmpty();
    assertThat(WorkingDayDescription.parse(null)).isEmpty();
  }
}
