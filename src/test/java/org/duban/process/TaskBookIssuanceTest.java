package org.duban.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code taskBookIssuance} (docs/processes.md section 1), deployed with the {@code departmentWork}
 * it calls. A book without signing groups or users needs no signature and runs as a hospital book
 * always has.
 */
@Deployment(resources = {"processes/task-book-issuance.bpmn", "processes/department-work.bpmn"})
class TaskBookIssuanceTest extends ProcessTestSupport {

  static final Long TASK_BOOK = 9L;
  static final String ISSUER = "li.ke";

  FakeTaskBookRouting books;
  FakeWorkItemRouting routing;
  RecordingDelegate issueTaskBook;
  RecordingDelegate closeTaskBook;
  RecordingDelegate closeWorkItem;

  @BeforeEach
  void registerBeans() {
    books = new FakeTaskBookRouting();
    books.items.put(TASK_BOOK, List.of(101L, 102L));
    Mocks.register("taskBookRouting", books);
    routing = registerWorkItemRouting();
    routing.leadGroups.put(101L, "dept_medical");
    routing.leadGroups.put(102L, "dept_nursing");
    issueTaskBook = registerDelegate("issueTaskBookDelegate");
    closeTaskBook = registerDelegate("closeTaskBookDelegate");
    closeWorkItem = registerDelegate("closeWorkItemDelegate");
  }

  ProcessInstance startIssuance() {
    return runtimeService()
        .startProcessInstanceByKey(
            "taskBookIssuance", "book-9", withVariables("taskBookId", TASK_BOOK, "issuer", ISSUER));
  }

  void draftAndSubmitForReview(ProcessInstance issuance) {
    Task draft = task("draftTaskBook", issuance);
    assertThat(draft).isAssignedTo(ISSUER);
    assertForm(draft, "draft-task-book");
    complete(draft, withVariables("submitNote", "第一版"));
  }

  List<ProcessInstance> departmentWorks(ProcessInstance issuance) {
    return runtimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(issuance.getId())
        .list();
  }

  /**
   * Drives one departmentWork instance along its shortest path: claim, no sub-tasks, report,
   * accept.
   */
  void finishDepartmentWork(ProcessInstance work) {
    complete(task("claimItem", work), withVariables("claimDecision", "claim"));
    complete(task("breakDownItem", work));
    complete(task("submitCompletionReport", work));
    complete(task("acceptItem", work), withVariables("acceptDecision", "accept"));
    assertThat(work).isEnded();
  }

  @Test
  void approvedBookStartsOneDepartmentWorkPerItemAndClosesOnceAllItemsAreClosed() {
    // Given a drafted task book waiting for review
    ProcessInstance issuance = startIssuance();
    draftAndSubmitForReview(issuance);
    Task review = task("reviewTaskBook", issuance);
    assertThat(review).hasCandidateGroup("role_leader");
    assertForm(review, "review-task-book");

    // When a leader approves it
    complete(review, withVariables("reviewDecision", "approve"));

    // Then it is issued once and every item gets its own departmentWork with key and variables
    assertThat(issueTaskBook.calls).hasSize(1);
    assertThat(issueTaskBook.values("taskBookId")).containsExactly(TASK_BOOK);
    assertThat(issuance).isWaitingAt("departmentWork").hasNotPassed("reviseTaskBook");
    List<ProcessInstance> works = departmentWorks(issuance);
    assertThat(works)
        .extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder("item-101", "item-102");
    for (ProcessInstance work : works) {
      Long itemId = Long.valueOf(work.getBusinessKey().substring("item-".length()));
      Map<String, Object> variables = runtimeService().getVariables(work.getId());
      assertThat(variables)
          .containsEntry("workItemId", itemId)
          .containsEntry("issuer", ISSUER)
          .containsEntry("taskBookId", TASK_BOOK);
      assertThat(task("claimItem", work)).hasCandidateGroup(routing.leadGroups.get(itemId));
    }
    assertThat(closeTaskBook.calls).isEmpty();

    // When the first item is closed the book stays open; when the second is closed the book closes
    finishDepartmentWork(works.get(0));
    assertThat(closeTaskBook.calls).isEmpty();
    assertThat(issuance).isWaitingAt("departmentWork");
    finishDepartmentWork(works.get(1));

    // Then
    assertThat(closeWorkItem.values("workItemId")).containsExactlyInAnyOrder(101L, 102L);
    assertThat(closeTaskBook.values("taskBookId")).containsExactly(TASK_BOOK);
    assertThat(issuance)
        .isEnded()
        .hasPassed("issueTaskBook", "closeTaskBook", "taskBookClosed")
        .hasNotPassed("signTaskBook");
  }

  @Test
  void sentBackBookIsRevisedByTheIssuerAndReviewedAgain() {
    // Given a drafted task book
    ProcessInstance issuance = startIssuance();
    draftAndSubmitForReview(issuance);

    // When the leader sends it back
    complete(task("reviewTaskBook", issuance), withVariables("reviewDecision", "sendBack"));

    // Then the issuer revises it and nothing is issued yet
    Task revise = task("reviseTaskBook", issuance);
    assertThat(revise).isAssignedTo(ISSUER);
    assertForm(revise, "revise-task-book");
    assertThat(issueTaskBook.calls).isEmpty();

    // When the issuer resubmits, the book is reviewed again and approved
    complete(revise, withVariables("revisionNote", "按意见修改"));
    Task secondReview = task("reviewTaskBook", issuance);
    assertThat(secondReview).hasCandidateGroup("role_leader");
    complete(secondReview, withVariables("reviewDecision", "approve"));

    // Then it is issued once
    assertThat(issueTaskBook.calls).hasSize(1);
    assertThat(issuance)
        .hasPassedInOrder("reviewTaskBook", "reviseTaskBook", "reviewTaskBook", "issueTaskBook")
        .isWaitingAt("departmentWork");
    assertThat(departmentWorks(issuance)).hasSize(2);
  }

  @Test
  void bookWithoutItemsClosesRightAfterIssuing() {
    // Given a task book whose items are all gone
    books.items.put(TASK_BOOK, List.of());
    ProcessInstance issuance = startIssuance();
    draftAndSubmitForReview(issuance);

    // When it is approved
    complete(task("reviewTaskBook", issuance), withVariables("reviewDecision", "approve"));

    // Then no department work starts and the book is closed
    assertThat(departmentWorks(issuance)).isEmpty();
    assertThat(closeTaskBook.calls).hasSize(1);
    assertThat(issuance).isEnded().hasPassed("taskBookClosed");
  }

  @Test
  void departmentBookIsSignedByItsDepartmentAndClosesOnlyAfterSigningAndAllItems() {
    // Given a department's book that its department signs
    books.signingGroups.put(TASK_BOOK, List.of("dept_medical"));
    ProcessInstance issuance = startIssuance();
    draftAndSubmitForReview(issuance);

    // When it is approved
    complete(task("reviewTaskBook", issuance), withVariables("reviewDecision", "approve"));

    // Then the department is asked to sign while its items are worked on
    assertThat(issuance).isWaitingAt("departmentWork", "signTaskBook");
    Task sign = task("signTaskBook", issuance);
    assertThat(sign).hasCandidateGroup("dept_medical").isNotAssigned();
    assertThat(candidateUsers(sign)).isEmpty();
    assertForm(sign, "sign-task-book");
    List<ProcessInstance> works = departmentWorks(issuance);
    assertThat(works).hasSize(2);

    // When every item is closed before the book is signed
    works.forEach(this::finishDepartmentWork);

    // Then the book stays open, waiting for the signature
    assertThat(closeTaskBook.calls).isEmpty();
    assertThat(issuance).isWaitingAt("signTaskBook");

    // When the department signs, Then the book closes
    complete(task("signTaskBook", issuance), withVariables("signDecision", "sign"));
    assertThat(closeTaskBook.values("taskBookId")).containsExactly(TASK_BOOK);
    assertThat(issuance)
        .isEnded()
        .hasPassed("signTaskBook", "signingDoneMerge", "closeTaskBook")
        .hasNotPassed("answerSigningQuestion");
  }

  @Test
  void signingQuestionIsAnsweredByTheIssuerAndTheBookIsSignedAgainBeforeItsItemsEnd() {
    // Given a leader's book signed by the responsible person
    books.signingUsers.put(TASK_BOOK, List.of("wang.fu"));
    ProcessInstance issuance = startIssuance();
    draftAndSubmitForReview(issuance);
    complete(task("reviewTaskBook", issuance), withVariables("reviewDecision", "approve"));
    Task sign = task("signTaskBook", issuance);
    assertThat(candidateUsers(sign)).containsExactly("wang.fu");
    assertThat(candidateGroups(sign)).isEmpty();

    // When the signer returns it with a question
    complete(sign, withVariables("signDecision", "question"));

    // Then the issuer answers it with its own form, and the signer is asked again
    Task answer = task("answerSigningQuestion", issuance);
    assertThat(answer).isAssignedTo(ISSUER);
    assertForm(answer, "answer-signing-question");
    assertThat(issuance)
        .isWaitingAt("departmentWork", "answerSigningQuestion")
        .isNotWaitingAt("signTaskBook");
    complete(answer);
    Task again = task("signTaskBook", issuance);
    assertThat(candidateUsers(again)).containsExactly("wang.fu");

    // When the signer signs while the items are still open
    complete(again, withVariables("signDecision", "sign"));

    // Then the book waits for its items and closes with the last one
    assertThat(issuance)
        .hasPassedInOrder(
            "signTaskBook", "answerSigningQuestion", "signTaskBook", "signingDoneMerge")
        .isWaitingAt("departmentWork")
        .isNotWaitingAt("signTaskBook");
    assertThat(closeTaskBook.calls).isEmpty();
    List<ProcessInstance> works = departmentWorks(issuance);
    finishDepartmentWork(works.get(0));
    assertThat(closeTaskBook.calls).isEmpty();
    finishDepartmentWork(works.get(1));
    assertThat(closeTaskBook.calls).hasSize(1);
    assertThat(issuance).isEnded();
  }

  @Test
  void signDecisionOutsideTheContractIsRejected() {
    // Given a department's book waiting for its signature
    books.signingGroups.put(TASK_BOOK, List.of("dept_medical"));
    ProcessInstance issuance = startIssuance();
    draftAndSubmitForReview(issuance);
    complete(task("reviewTaskBook", issuance), withVariables("reviewDecision", "approve"));
    Task sign = task("signTaskBook", issuance);

    // When the signing is completed with an unknown decision, Then the engine refuses it
    assertThatThrownBy(() -> complete(sign, withVariables("signDecision", "maybe")))
        .isInstanceOf(ProcessEngineException.class);

    // And the signing task is still open
    assertThat(issuance).isWaitingAt("signTaskBook");
  }

  @Test
  void reviewDecisionOutsideTheContractIsRejected() {
    // Given a task book under review
    ProcessInstance issuance = startIssuance();
    draftAndSubmitForReview(issuance);
    Task review = task("reviewTaskBook", issuance);

    // When the review is completed with an unknown decision, Then the engine refuses it
    assertThatThrownBy(() -> complete(review, withVariables("reviewDecision", "maybe")))
        .isInstanceOf(ProcessEngineException.class);

    // And the review task is still open, nothing issued
    assertThat(issuance).isWaitingAtExactly("reviewTaskBook");
    assertThat(issueTaskBook.calls).isEmpty();
  }
}
