package org.duban.checkin;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Names the month a round reports on, so every check-in of the round is filed under it. */
@Component("openCheckInRoundDelegate")
class OpenCheckInRoundDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("period", CheckInService.currentPeriod());
  }
}
