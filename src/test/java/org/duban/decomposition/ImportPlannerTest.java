package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duban.org.Department;
import org.duban.org.DepartmentKind;
import org.duban.org.Person;
import org.duban.org.Role;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The checks of a row against the book and the hospital, without a database. */
class ImportPlannerTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  private final Department medical = department(1L, "医务部");
  private final Department nursing = department(2L, "护理部");
  private final Person leader = new Person("fu", "陈志强", null, "x", null, EnumSet.of(Role.LEADER));

  {
    ReflectionTestUtils.setField(leader, "id", 10L);
  }

  private static Department department(Long id, String name) {
    Department department = new Department("d" + id, name, null, DepartmentKind.FUNCTIONAL);
    ReflectionTestUtils.setField(department, "id", id);
    return department;
  }

  private ImportPlan plan(List<ImportPlanner.ExistingItem> existing, SheetRow... rows) {
    ImportPlanner.Book book =
        new ImportPlanner.Book(
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Map.of("医疗服务", 5L), existing);
    ImportPlanner planner =
        new ImportPlanner(
            book,
            new HospitalDirectory(List.of(medical, nursing), List.of(leader)),
            TODAY,
            VALIDATOR);
    return planner.plan(new DecompositionReader.Result(1, List.of(rows), List.of()));
  }

  private static SheetRow row(
      int number, String seq, String title, String lead, String collaborators, String deadline) {
    Map<DecompositionColumn, SheetRow.Cell> cells = new EnumMap<>(DecompositionColumn.class);
    cells.put(DecompositionColumn.SEQ, SheetRow.Cell.text(seq));
    cells.put(DecompositionColumn.GOAL_AREA, SheetRow.Cell.text("医疗服务"));
    cells.put(DecompositionColumn.TITLE, SheetRow.Cell.text(title));
    cells.put(DecompositionColumn.LEAD, SheetRow.Cell.text(lead));
    cells.put(DecompositionColumn.COLLABORATORS, SheetRow.Cell.text(collaborators));
    cells.put(DecompositionColumn.LEADER, SheetRow.Cell.text("陈志强"));
    cells.put(DecompositionColumn.DEADLINE, SheetRow.Cell.text(deadline));
    return new SheetRow(number, cells);
  }

  @Test
  void theLeadDepartmentNamedAmongTheCollaboratorsIsDroppedFromThem() {
    ImportPlan plan = plan(List.of(), row(2, "1", "缩短平均住院日", "医务部", "医务部、护理部、护理部", "2026-06-30"));

    assertThat(plan.isClean()).isTrue();
    assertThat(plan.rows().get(0).collaboratorIds()).containsExactly(2L);
    assertThat(plan.rows().get(0).collaborators()).containsExactly("护理部");
  }

  @Test
  void theEditorsLengthLimitsApplyToEveryRow() {
    ImportPlan plan =
        plan(
            List.of(),
            row(2, "1".repeat(21), "缩短平均住院日", "医务部", "", "2026-06-30"),
            row(3, "2", "长".repeat(501), "医务部", "", "2026-06-30"));

    assertThat(plan.problems())
        .containsExactly(
            ImportProblem.atRow(2, "row.tooLong", "序号", "20"),
            ImportProblem.atRow(3, "row.tooLong", "工作任务", "500"));
  }

  @Test
  void aDeadlineOfTodayIsNotPastButYesterdayIs() {
    ImportPlan plan =
        plan(
            List.of(),
            row(2, "1", "今天到期", "医务部", "", "2026-03-02"),
            row(3, "2", "昨天到期", "医务部", "", "2026-03-01"));

    assertThat(plan.problems())
        .containsExactly(ImportProblem.atRow(3, "row.deadline.past", "2026-03-01"));
  }

  @Test
  void aRowEqualToAnExistingItemIsSkippedEvenWhenItsDeadlineHasPassedSince() {
    // Given an item 1 with a deadline that is now in the past
    ImportPlanner.ExistingItem existing =
        new ImportPlanner.ExistingItem(
            "1", "医疗服务", "缩短平均住院日", null, 1L, Set.of(2L), 10L, LocalDate.of(2026, 2, 28));

    ImportPlan plan = plan(List.of(existing), row(2, "1", "缩短平均住院日", "医务部", "护理部", "2026-02-28"));

    assertThat(plan.isClean()).isTrue();
    assertThat(plan.existingRows()).hasSize(1);
    assertThat(plan.newRows()).isEmpty();
  }

  @Test
  void anExistingItemWithOtherContentNamesTheColumnsThatDiffer() {
    ImportPlanner.ExistingItem existing =
        new ImportPlanner.ExistingItem(
            "1", "医疗服务", "缩短平均住院日", null, 1L, Set.of(), 10L, LocalDate.of(2026, 6, 30));

    ImportPlan plan = plan(List.of(existing), row(2, "1", "缩短平均住院日", "护理部", "医务部", "2026-09-30"));

    assertThat(plan.problems())
        .containsExactly(ImportProblem.atRow(2, "row.seq.existsDifferent", "1", "牵头部门、协同部门、完成时限"));
  }

  @Test
  void aRowWithThreeProblemsHasAllThreeReportedAtOnce() {
    ImportPlan plan = plan(List.of(), row(2, "1", "长".repeat(501), "财务科", "", "2026年6月底"));

    assertThat(plan.problems())
        .containsExactlyInAnyOrder(
            ImportProblem.atRow(2, "row.department.unknown", "牵头部门", "财务科"),
            ImportProblem.atRow(2, "row.deadline.invalid", "2026年6月底"),
            ImportProblem.atRow(2, "row.tooLong", "工作任务", "500"));
    assertThat(plan.rows().get(0).problems()).hasSize(3);
  }

  @Test
  void aPastDeadlineOutsideTheBookIsReportedBesideAnUnknownDepartment() {
    ImportPlan plan = plan(List.of(), row(2, "1", "缩短平均住院日", "医务部", "后勤部", "2025-12-31"));

    assertThat(plan.problems())
        .containsExactlyInAnyOrder(
            ImportProblem.atRow(2, "row.department.unknown", "协同部门", "后勤部"),
            ImportProblem.atRow(2, "row.deadline.past", "2025-12-31"),
            ImportProblem.atRow(
                2, "row.deadline.outsidePeriod", "2025-12-31", "2026-01-01", "2026-12-31"));
  }

  @Test
  void anExistingSeqIsReportedEvenWhenTheRowHasOtherProblems() {
    ImportPlanner.ExistingItem existing =
        new ImportPlanner.ExistingItem(
            "1", "医疗服务", "缩短平均住院日", null, 1L, Set.of(), 10L, LocalDate.of(2026, 6, 30));

    ImportPlan plan = plan(List.of(existing), row(2, "1", "缩短平均住院日", "财务科", "", "2026-06-30"));

    assertThat(plan.problems())
        .containsExactlyInAnyOrder(
            ImportProblem.atRow(2, "row.department.unknown", "牵头部门", "财务科"),
            ImportProblem.atRow(2, "row.seq.existsDifferent", "1", "牵头部门"));
  }

  @Test
  void problemsAreCountedByKind() {
    ImportPlan plan =
        plan(
            List.of(),
            row(2, "1", "缩短平均住院日", "财务科", "后勤部", "2026-06-30"),
            row(3, "2", "长".repeat(501), "医务部", "", "六月底"),
            row(4, "2", "降低药占比", "医务部", "", "2026-01-31"));

    assertThat(plan.problemKinds())
        .containsExactly(
            new ImportPlan.KindCount("department", 2),
            new ImportPlan.KindCount("deadlineInvalid", 1),
            new ImportPlan.KindCount("length", 1),
            new ImportPlan.KindCount("duplicate", 1),
            new ImportPlan.KindCount("deadlinePast", 1));
  }
}
