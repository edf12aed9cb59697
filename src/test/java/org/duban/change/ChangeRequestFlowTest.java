package org.duban.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.book.ItemSummary;
import org.duban.book.WorkItemQueries;
import org.duban.infrastructure.UserError;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.ItemHistory;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Changes after issuance on the whole application ({@code @SpringBootTest}, profile {@code test},
 * via {@link RunningAppTest} to share its cached context): proposed by the lead department, decided
 * by the issuer, applied as a new version of the book; refused for others and for bad input, which
 * write nothing.
 */
@RunningAppTest
class ChangeRequestFlowTest {

  @Autowired TestHospital hospital;
  @Autowired IssuedItemFixture fixture;
  @Autowired ChangeService changes;
  @Autowired ChangeRequestRepository requests;
  @Autowired BookVersions versions;
  @Autowired WorkItemQueries items;
  @Autowired WorkTasks workTasks;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ItemHistory history;

  IssuedItem issued;
  ItemSummary before;

  @BeforeEach
  void issuedItem() {
    hospital.ensure();
    issued = fixture.issuedItem("变更流程");
    before = items.summary(issued.itemId());
  }

  ChangeFormData proposal(String reason) {
    ChangeFormData data = new ChangeFormData();
    data.setTitle(before.title());
    data.setTargetText(before.targetText());
    data.setLeadDepartmentId(before.leadDepartmentId());
    data.setLeaderInChargeId(hospital.personId("tincharge"));
    data.setDeadline(before.deadline());
    data.setAcceptanceCriteria(before.acceptanceCriteria());
    data.setReason(reason);
    return data;
  }

  Task approvalTask(ChangeRequest request) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey("change-" + request.getId())
        .taskDefinitionKey("approveChange")
        .singleResult();
  }

  List<BookVersions.VersionView> allVersions() {
    return versions.of(issued.bookId(), List.of(issued.itemId()));
  }

  List<String> eventKinds() {
    return history.ofItem(issued.itemId()).stream().map(ItemEvent::getKind).toList();
  }

  @Test
  void issuingTheBookWritesVersionOne() {
    assertThat(allVersions())
        .extracting(BookVersions.VersionView::versionNo, BookVersions.VersionView::issued)
        .containsExactly(tuple(1, true));
    assertThat(allVersions().get(0).items())
        .extracting(ItemSnapshot::title, ItemSnapshot::leadDepartment)
        .containsExactly(tuple("变更流程", "测试医务部"));
  }

  @Test
  void approvedChangeUpdatesTheItemAndWritesVersionTwoWithTheDiff() {
    // Given the lead department proposes a new title and a later deadline
    ChangeFormData data = proposal("上级要求调整口径");
    data.setTitle("变更流程（调整后）");
    LocalDate later = before.deadline().plusDays(10);
    data.setDeadline(later);
    ChangeRequest request = changes.propose(issued.itemId(), data, hospital.user("tmedhead"));

    // Then only the differing fields are proposed, and the issuer has the approval task
    assertThat(request.getProposedTitle()).isEqualTo("变更流程（调整后）");
    assertThat(request.getProposedLeaderInChargeId()).isNull();
    Task task = approvalTask(request);
    assertThat(task.getAssignee()).isEqualTo(IssuedItemFixture.ISSUER);
    assertThat(items.summary(issued.itemId()).title()).isEqualTo("变更流程");

    // When the issuer approves
    workTasks.complete(
        task.getId(),
        Map.of("changeDecision", "approve", "changeComment", "同意"),
        hospital.user(IssuedItemFixture.ISSUER));

    // Then the item has changed, the request is approved and the book has version 2 with the diff
    ItemSummary after = items.summary(issued.itemId());
    assertThat(after.title()).isEqualTo("变更流程（调整后）");
    assertThat(after.deadline()).isEqualTo(later);
    assertThat(requests.findById(request.getId()).orElseThrow().getStatus())
        .isEqualTo(ChangeStatus.APPROVED);
    List<BookVersions.VersionView> all = allVersions();
    assertThat(all).extracting(BookVersions.VersionView::versionNo).containsExactly(1, 2);
    assertThat(all.get(1).cause()).isEqualTo("上级要求调整口径");
    assertThat(all.get(1).changes())
        .extracting(FieldChange::field, FieldChange::before, FieldChange::after)
        .containsExactly(
            tuple("title", "变更流程", "变更流程（调整后）"),
            tuple("deadline", before.deadline().toString(), later.toString()));
    assertThat(eventKinds()).contains("CHANGE_PROPOSED", "CHANGE_APPROVED");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("change-" + request.getId())
                .count())
        .isZero();
  }

  @Test
  void anApprovedNewLeadDepartmentTakesOverTheOpenTasksOfTheItem() {
    // Given the item waits for 测试医务部 to claim it
    Task claim = fixture.openTask(issued, "claimItem");
    assertThat(taskService.getIdentityLinksForTask(claim.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("dept_tmedical"));

    // When the issuer moves the item to 测试护理部 through an approved change
    ChangeFormData data = proposal("职责调整，改由护理部牵头");
    data.setLeadDepartmentId(hospital.department("tnursing").getId());
    ChangeRequest request =
        changes.propose(issued.itemId(), data, hospital.user(IssuedItemFixture.ISSUER));
    workTasks.complete(
        approvalTask(request).getId(),
        Map.of("changeDecision", "approve"),
        hospital.user(IssuedItemFixture.ISSUER));

    // Then the open claim task belongs to the new lead department only
    assertThat(taskService.getIdentityLinksForTask(claim.getId()))
        .extracting(link -> link.getGroupId())
        .contains("dept_tnursing")
        .doesNotContain("dept_tmedical");
  }

  @Test
  void rejectedChangeLeavesTheItemAsItWas() {
    // Given a proposal by the issuer
    ChangeFormData data = proposal("想改验收标准");
    data.setAcceptanceCriteria("新的验收标准");
    ChangeRequest request =
        changes.propose(issued.itemId(), data, hospital.user(IssuedItemFixture.ISSUER));
    Task task = approvalTask(request);

    // When the issuer rejects without a comment, Then that is refused and nothing is decided
    assertThatThrownBy(
            () ->
                workTasks.complete(
                    task.getId(),
                    Map.of("changeDecision", "reject"),
                    hospital.user(IssuedItemFixture.ISSUER)))
        .isInstanceOf(UserError.class)
        .extracting(e -> ((UserError) e).field())
        .isEqualTo("changeComment");
    assertThat(requests.findById(request.getId()).orElseThrow().getStatus())
        .isEqualTo(ChangeStatus.PROPOSED);

    // When the issuer rejects with a comment
    workTasks.complete(
        task.getId(),
        Map.of("changeDecision", "reject", "changeComment", "不符合年度安排"),
        hospital.user(IssuedItemFixture.ISSUER));

    // Then the item is unchanged and the book keeps its one version
    ChangeRequest decided = requests.findById(request.getId()).orElseThrow();
    assertThat(decided.getStatus()).isEqualTo(ChangeStatus.REJECTED);
    assertThat(decided.getDecisionComment()).isEqualTo("不符合年度安排");
    assertThat(items.summary(issued.itemId())).isEqualTo(before);
    assertThat(allVersions()).hasSize(1);
    assertThat(eventKinds())
        .contains("CHANGE_PROPOSED", "CHANGE_REJECTED")
        .doesNotContain("CHANGE_APPROVED");
  }

  @Test
  void onlyTheIssuerAndTheLeadDepartmentMayPropose() {
    ChangeFormData data = proposal("越权");
    data.setTitle("别人改的");
    long count = requests.count();

    // Another department, a collaborating department and another leader are refused
    for (String username : List.of("tnursehead", "tithead", "treviewer")) {
      assertThatThrownBy(() -> changes.propose(issued.itemId(), data, hospital.user(username)))
          .as(username)
          .isInstanceOf(AccessDeniedException.class);
    }
    assertThat(requests.count()).isEqualTo(count);

    // Staff of the lead department may
    assertThat(changes.propose(issued.itemId(), data, hospital.user("tmedstaff")).getStatus())
        .isEqualTo(ChangeStatus.PROPOSED);
  }

  @Test
  void badProposalsWriteNothing() {
    long count = requests.count();
    long instances =
        runtimeService.createProcessInstanceQuery().processDefinitionKey("changeRequest").count();
    int events = eventKinds().size();

    // No reason
    ChangeFormData noReason = proposal(" ");
    noReason.setTitle("新标题");
    assertThatThrownBy(() -> changes.propose(issued.itemId(), noReason, hospital.user("tmedhead")))
        .isInstanceOf(UserError.class)
        .extracting(e -> ((UserError) e).key())
        .isEqualTo("change.reason.required");

    // No change
    assertThatThrownBy(
            () -> changes.propose(issued.itemId(), proposal("没改"), hospital.user("tmedhead")))
        .isInstanceOf(UserError.class)
        .extracting(e -> ((UserError) e).key())
        .isEqualTo("change.nothingChanged");

    // A deadline after the book's period
    ChangeFormData late = proposal("延期");
    late.setDeadline(before.deadline().plusYears(2));
    assertThatThrownBy(() -> changes.propose(issued.itemId(), late, hospital.user("tmedhead")))
        .isInstanceOf(UserError.class)
        .extracting(e -> ((UserError) e).field())
        .isEqualTo("deadline");

    assertThat(requests.count()).isEqualTo(count);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("changeRequest")
                .count())
        .isEqualTo(instances);
    assertThat(eventKinds()).hasSize(events);
  }

  @Test
  void aSecondProposalWaitsForTheFirstDecision() {
    ChangeFormData data = proposal("第一次");
    data.setTitle("第一次变更");
    changes.propose(issued.itemId(), data, hospital.user("tmedhead"));

    assertThatThrownBy(() -> changes.propose(issued.itemId(), data, hospital.user("tmedhead")))
        .isInstanceOf(UserError.class)
        .extracting(e -> ((UserError) e).key())
        .isEqualTo("change.pending");
  }
}
