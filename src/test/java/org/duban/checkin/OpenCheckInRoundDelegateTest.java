package org.duban.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.duban.TestClock;
import org.duban.calendar.WorkCalendar;
import org.duban.checkin.CheckInSettings.MonthCovered;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A round reports on the month that ended, and its window is the first working days of the month it
 * opens in, counted across holidays and worked weekends (调休).
 */
class OpenCheckInRoundDelegateTest {

  final OpenCheckInRoundDelegate delegate =
      new OpenCheckInRoundDelegate(WorkCalendar.fromSeed(), CheckInSettings.defaults());

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  DelegateExecution roundOpenedAt(String when, Object workingDays) {
    TestClock.at(when);
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariableLocal("dueAfterWorkingDays")).thenReturn(workingDays);
    return execution;
  }

  void assertOverdueAt(DelegateExecution execution, String when) {
    verify(execution).setVariable("checkInDueDate", EngineClock.toDate(LocalDateTime.parse(when)));
  }

  @Test
  void aRoundOpenedOnTheFirstOfJuneAsksForMayInTheFirstFiveWorkingDaysOfJune() {
    // Monday 2026-06-01: the window is 06-01 to 06-05; overdue on the morning of Monday 06-08
    DelegateExecution execution = roundOpenedAt("2026-06-01T08:00", null);
    delegate.execute(execution);
    verify(execution).setVariable("period", "2026-05");
    verify(execution).setVariable("roundOpenedOn", "2026-06-01");
    assertOverdueAt(execution, "2026-06-08T09:00");
  }

  @Test
  void aRoundOfJanuaryAsksForDecemberOfTheYearBefore() {
    // 2027-01-01 to 01-03 are 元旦 holidays: the window is Monday 01-04 to Friday 01-08
    DelegateExecution execution = roundOpenedAt("2027-01-04T08:00", null);
    delegate.execute(execution);
    verify(execution).setVariable("period", "2026-12");
    assertOverdueAt(execution, "2027-01-11T09:00");
  }

  @Test
  void theWindowSkipsTheNationalDayHolidaysAndCountsTheWorkedSaturday() {
    // 2026-10-01 to 10-07 are holidays and Saturday 10-10 is worked (调休): the first five working
    // days
    // of October are 10-08, 10-09, 10-10, 10-12 and 10-13, whether the round opened on the 1st or
    // the 8th
    for (String opened : new String[] {"2026-10-01T08:00", "2026-10-08T08:00"}) {
      DelegateExecution execution = roundOpenedAt(opened, null);
      delegate.execute(execution);
      verify(execution).setVariable("period", "2026-09");
      assertOverdueAt(execution, "2026-10-14T09:00");
    }
  }

  @Test
  void aWorkedSundayAtTheStartOfTheMonthIsTheWindowsFirstDay() {
    // 2026-01-01 to 01-03 are holidays, Sunday 01-04 is worked: the window is 01-04 to 01-08
    DelegateExecution execution = roundOpenedAt("2026-01-01T08:00", null);
    delegate.execute(execution);
    verify(execution).setVariable("period", "2025-12");
    assertOverdueAt(execution, "2026-01-09T09:00");
  }

  @Test
  void aRoundOpenedByHandAfterTheWindowGetsItsOwnWorkingDays() {
    // Monday 2026-06-15, after the month's window: 06-15 to 06-18 and, after 端午 (06-19 to 06-21),
    // 06-22
    DelegateExecution execution = roundOpenedAt("2026-06-15T10:00", null);
    delegate.execute(execution);
    verify(execution).setVariable("period", "2026-05");
    assertOverdueAt(execution, "2026-06-23T09:00");
  }

  @Test
  void theSettingsChooseTheWindowAndTheMonth() {
    OpenCheckInRoundDelegate threeDaysThisMonth =
        new OpenCheckInRoundDelegate(
            WorkCalendar.fromSeed(), new CheckInSettings(3, MonthCovered.CURRENT));
    DelegateExecution execution = roundOpenedAt("2026-06-01T08:00", null);
    threeDaysThisMonth.execute(execution);
    verify(execution).setVariable("period", "2026-06");
    assertOverdueAt(execution, "2026-06-04T09:00");
  }

  @Test
  void theModelMayChooseItsOwnWorkingDays() {
    DelegateExecution execution = roundOpenedAt("2026-06-01T08:00", "2");
    delegate.execute(execution);
    assertOverdueAt(execution, "2026-06-03T09:00");
  }

  @Test
  void aSettingThatIsNoWholePositiveNumberIsRefused() {
    assertThatThrownBy(() -> delegate.execute(roundOpenedAt("2026-06-01T08:00", "fünf")))
        .hasMessageContaining("dueAfterWorkingDays");
    assertThatThrownBy(() -> delegate.execute(roundOpenedAt("2026-06-01T08:00", "0")))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new CheckInSettings(0, MonthCovered.PREVIOUS))
        .hasMessageContaining("window-working-days");
    assertThat(CheckInSettings.defaults().windowWorkingDays()).isEqualTo(5);
  }

  @Test
  void aRoundOfAnOlderReleaseFilesItsCheckInsUnderTheMonthBeforeTheOneItNamed() {
    // rounds opened before V30 named the month they opened in, and have no roundOpenedOn
    var today = java.time.LocalDate.of(2027, 1, 5);
    assertThat(RoundPeriod.of("2027-01", null, CheckInSettings.defaults(), today))
        .isEqualTo("2026-12");
    assertThat(RoundPeriod.of("2026-06", null, CheckInSettings.defaults(), today))
        .isEqualTo("2026-05");
    assertThat(RoundPeriod.of("2026-12", "2027-01-04", CheckInSettings.defaults(), today))
        .isEqualTo("2026-12");
    assertThat(RoundPeriod.of(null, null, CheckInSettings.defaults(), today)).isEqualTo("2026-12");
    // as V30 moved the check-ins those rounds stored: one month back, whatever the setting is now
    assertThat(RoundPeriod.of("2026-06", null, new CheckInSettings(5, MonthCovered.CURRENT), today))
        .isEqualTo("2026-05");
  }
}
