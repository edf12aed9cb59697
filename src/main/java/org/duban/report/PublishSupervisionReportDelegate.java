package org.duban.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.duban.itemhistory.ItemHistory;
import org.springframework.stereotype.Component;

/**
 * Service task {@code publishSupervisionReport} of {@code supervisionReport}: publishes the week
 * just over and leaves its id in {@code reportId}. A job run twice finds the final report and
 * writes nothing new.
 */
@Component("publishSupervisionReportDelegate")
class PublishSupervisionReportDelegate implements JavaDelegate {

  private final SupervisionReports reports;

  PublishSupervisionReportDelegate(SupervisionReports reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("reportId", reports.publishLastWeek(ItemHistory.SYSTEM).getId());
  }
}
