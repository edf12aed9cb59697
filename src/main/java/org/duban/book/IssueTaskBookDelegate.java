package org.duban.book;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("issueTaskBookDelegate")
class IssueTaskBookDelegate implements JavaDelegate {

  private final TaskBookService service;

  IssueTaskBookDelegate(TaskBookService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.issue((Long) execution.getVariable("taskBookId"));
  }
}
