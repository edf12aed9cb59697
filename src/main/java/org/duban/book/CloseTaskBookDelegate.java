package org.duban.book;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("closeTaskBookDelegate")
class CloseTaskBookDelegate implements JavaDelegate {

  private final TaskBookService service;

  CloseTaskBookDelegate(TaskBookService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.close((Long) execution.getVariable("taskBookId"));
  }
}
