package org.duban.checkin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordMissedCheckInDelegate")
class RecordMissedCheckInDelegate implements JavaDelegate {

  private final CheckInService service;

  RecordMissedCheckInDelegate(CheckInService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.recordMissed((Long) execution.getVariable("workItemId"), (String) execution.getVariable("period"));
  }
}
