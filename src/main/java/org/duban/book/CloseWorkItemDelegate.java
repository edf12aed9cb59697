package org.duban.book;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("closeWorkItemDelegate")
class CloseWorkItemDelegate implements JavaDelegate {

  private final DepartmentWorkService service;

  CloseWorkItemDelegate(DepartmentWorkService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.close((Long) execution.getVariable("workItemId"));
  }
}
