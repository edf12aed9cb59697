package org.duban.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.duban.calendar.WorkCalendar;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The round's due moment is counted in working days, across holidays and worked weekends. */
class OpenCheckInRoundDelegateTest {

  final OpenCheckInRoundDelegate delegate = new OpenCheckInRoundDelegate(WorkCalendar.fromSeed());

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  DelegateExecution roundOpenedAt(String when, Object workingDays) {
    EngineClock.set(EngineClock.toDate(LocalDateTime.parse(when)));
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariableLocal("dueAfterWorkingDays")).thenReturn(workingDays);
    return execution;
  }

  @Test
  void roundOpenedBeforeNationalDayIsDueAfterIt() {
    // Thursday 2026-10-01 is a holiday: the round opens on the next working day, Thursday 10-08;
    // five working days are 10-09, 10-10 (worked Saturday), 10-12, 10-13, 10-14; overdue the next morning
    DelegateExecution execution = roundOpenedAt("2026-10-08T08:00", "5");
    delegate.execute(execution);
    verify(execution).setVariable("period", "2026-10");
    verify(execution).setVariable("checkInDueDate", EngineClock.toDate(LocalDateTime.parse("2026-10-15T09:00")));
  }

  @Test
  void theModelChoosesTheWorkingDays() {
    DelegateExecution execution = roundOpenedAt("2026-06-01T08:00", "2");
    delegate.execute(execution);
    verify(execution).setVariable("checkInDueDate", EngineClock.toDate(LocalDateTime.parse("2026-06-04T09:00")));
  }

  @Test
  void aRoundWithoutTheSettingGetsFiveWorkingDays() {
    DelegateExecution execution = roundOpenedAt("2026-06-01T08:00", null);
    delegate.execute(execution);
    verify(execution).setVariable("checkInDueDate", EngineClock.toDate(LocalDateTime.parse("2026-06-09T09:00")));
  }

  @Test
  void aSettingThatIsNoWholePositiveNumberIsRefused() {
    assertThatThrownBy(() -> delegate.execute(roundOpenedAt("2026-06-01T08:00", "fünf")))
        .hasMessageContaining("dueAfterWorkingDays");
    assertThatThrownBy(() -> delegate.execute(roundOpenedAt("2026-06-01T08:00", "0")))
        .hasMessageContaining("at least 1");
    assertThat(OpenCheckInRoundDelegate.DEFAULT_WORKING_DAYS).isEqualTo(5);
  }
}
