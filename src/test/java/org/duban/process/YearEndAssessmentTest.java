package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code yearEndAssessment}: items scored once, a review per lead department, an appeal to the
 * leaders in charge, publication by the supervision office after every department is done.
 */
@Deployment(
    resources = {
      "processes/year-end-assessment.bpmn",
      "forms/review-assessment-score.form",
      "forms/decide-appeal.form",
      "forms/publish-assessment.form"
    })
class YearEndAssessmentTest extends ProcessTestSupport {

  static final Long ASSESSMENT = 7L;
  static final Long MEDICAL = 11L;
  static final Long NURSING = 12L;

  /** Stands in for the {@code assessmentRouting} bean. */
  public static final class FakeAssessmentRouting {
    final Map<Long, List<String>> leaders = new HashMap<>();

    public Collection<Long> departmentIds(Long assessmentId) {
      return List.of(MEDICAL, NURSING);
    }

    public String departmentGroup(Long departmentId) {
      return "dept_" + departmentId;
    }

    public Collection<String> appealLeaders(Long assessmentId, Long departmentId) {
      return leaders.getOrDefault(departmentId, List.of());
    }
  }

  RecordingDelegate scoring;
  FakeAssessmentRouting routing;

  @BeforeEach
  void registerBeans() {
    scoring = registerDelegate("scoreAssessmentDelegate");
    routing = new FakeAssessmentRouting();
    routing.leaders.put(NURSING, List.of("fu.yuanzhang"));
    Mocks.register("assessmentRouting", routing);
  }

  ProcessInstance open() {
    return runtimeService()
        .startProcessInstanceByKey(
            "yearEndAssessment",
            "assessment-7",
            withVariables("assessmentId", ASSESSMENT, "taskBookId", 3L));
  }

  Task review(ProcessInstance instance, Long departmentId) {
    return tasks(instance.getId(), "reviewScore").stream()
        .filter(t -> candidateGroups(t).contains("dept_" + departmentId))
        .findFirst()
        .orElseThrow();
  }

  /** As the task page does: the answer is local to the department's branch. */
  void answer(Task task, String response) {
    runtimeService().setVariable(task.getExecutionId(), "assessmentResponse", response);
    taskService().complete(task.getId());
  }

  @Test
  void itemsAreScoredOnceAndEveryDepartmentReviewsItsScore() {
    ProcessInstance instance = open();

    assertThat(scoring.values("assessmentId")).containsExactly(ASSESSMENT);
    List<Task> reviews = tasks(instance.getId(), "reviewScore");
    assertThat(reviews).hasSize(2);
    assertThat(reviews)
        .extracting(t -> candidateGroups(t).get(0))
        .containsExactlyInAnyOrder("dept_11", "dept_12");
    assertForm(reviews.get(0), "review-assessment-score");
  }

  @Test
  void anAppealGoesToTheLeadersInChargeAndPublicationWaitsForItsDecision() {
    ProcessInstance instance = open();

    // the medical department accepts, nursing appeals
    answer(review(instance, MEDICAL), "accept");
    answer(review(instance, NURSING), "appeal");

    Task decide = tasks(instance.getId(), "decideAppeal").get(0);
    assertThat(candidateUsers(decide)).containsExactly("fu.yuanzhang");
    assertForm(decide, "decide-appeal");
    assertThat(taskService().getVariable(decide.getId(), "departmentId")).isEqualTo(NURSING);
    assertThat(tasks(instance.getId(), "publishResults")).isEmpty();

    // when the leader decides, the office publishes
    taskService().complete(decide.getId());
    Task publish = tasks(instance.getId(), "publishResults").get(0);
    assertThat(candidateGroups(publish)).containsExactly("role_supervision");
    assertForm(publish, "publish-assessment");
    taskService().complete(publish.getId());

    assertThat(instance)
        .isEnded()
        .hasPassed("reviewAccepted", "appealDecided", "assessmentPublished");
  }

  @Test
  void withoutAppealsThePublicationFollowsTheReviews() {
    ProcessInstance instance = open();

    answer(review(instance, MEDICAL), "accept");
    answer(review(instance, NURSING), "accept");

    assertThat(tasks(instance.getId(), "decideAppeal")).isEmpty();
    assertThat(instance).isWaitingAt("publishResults").hasNotPassed("decideAppeal");
  }
}
