package org.duban.checkin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.infrastructure.EngineClock;
import org.springframework.stereotype.Component;

@Component("recordMissedCheckInDelegate")
class RecordMissedCheckInDelegate implements JavaDelegate {

  private final CheckInService service;
  private final CheckInSettings settings;

  RecordMissedCheckInDelegate(CheckInService service, CheckInSettings settings) {
    this.service = service;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String period =
        RoundPeriod.of(
            execution.getVariable(RoundPeriod.PERIOD),
            execution.getVariable(RoundPeriod.OPENED_ON),
            settings,
            EngineClock.today());
    service.recordMissed((Long) execution.getVariable("workItemId"), period);
  }
}
