package org.duban.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code scoreItems} of the {@code yearEndAssessment} process: every item of the book is scored by
 * the rules.
 */
@Component("scoreAssessmentDelegate")
class ScoreAssessmentDelegate implements JavaDelegate {

  private final AssessmentService service;

  ScoreAssessmentDelegate(AssessmentService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.scoreItems(
        ((Number) execution.getVariable(AssessmentService.ASSESSMENT_ID)).longValue());
  }
}
