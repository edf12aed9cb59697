package org.duban.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code deemScoreAccepted} of {@code yearEndAssessment}: a department's review was not answered by
 * its deadline and the grace after it, so its score counts as accepted. The department is added to
 * the process variable {@value #UNANSWERED} (ids, comma-separated: plain text, no Java
 * serialization), which the publish step shows and records. A job run twice adds it once.
 */
@Component("deemScoreAcceptedDelegate")
public class DeemScoreAcceptedDelegate implements JavaDelegate {

  static final String UNANSWERED = "unansweredDepartmentIds";

  private final AssessmentService service;

  public DeemScoreAcceptedDelegate(AssessmentService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long assessmentId =
        ((Number) execution.getVariable(AssessmentService.ASSESSMENT_ID)).longValue();
    Long departmentId = ((Number) execution.getVariable("departmentId")).longValue();
    List<Long> ids = new ArrayList<>(departmentIds(execution.getVariable(UNANSWERED)));
    if (!ids.contains(departmentId)) {
      ids.add(departmentId);
      service.deemAccepted(assessmentId, departmentId);
    }
    // on the process instance, not the department's branch, so that the publish step sees all of
    // them
    execution
        .getProcessInstance()
        .setVariable(UNANSWERED, String.join(",", ids.stream().map(String::valueOf).toList()));
    execution.setVariable(AssessmentService.RESPONSE, "accept");
  }

  static List<Long> departmentIds(Object value) {
    if (value == null || value.toString().isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.toString().split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(Long::valueOf)
        .toList();
  }
}
