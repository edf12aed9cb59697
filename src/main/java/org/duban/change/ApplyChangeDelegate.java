package org.duban.change;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code applyChange} of the {@code changeRequest} process: the approved change takes effect. */
@Component("applyChangeDelegate")
class ApplyChangeDelegate implements JavaDelegate {

  private final ChangeService service;

  ApplyChangeDelegate(ChangeService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.apply((Long) execution.getVariable("changeRequestId"));
  }
}
