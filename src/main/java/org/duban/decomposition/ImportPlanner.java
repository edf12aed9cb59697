package org.duban.decomposition;

import static org.duban.decomposition.DecompositionColumn.COLLABORATORS;
import static org.duban.decomposition.DecompositionColumn.DEADLINE;
import static org.duban.decomposition.DecompositionColumn.GOAL_AREA;
import static org.duban.decomposition.DecompositionColumn.INDICATOR_NAME;
import static org.duban.decomposition.DecompositionColumn.LEAD;
import static org.duban.decomposition.DecompositionColumn.LEADER;
import static org.duban.decomposition.DecompositionColumn.SEQ;
import static org.duban.decomposition.DecompositionColumn.START_DATE;
import static org.duban.decomposition.DecompositionColumn.TARGET;
import static org.duban.decomposition.DecompositionColumn.TITLE;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.duban.book.WorkItemFormData;
import org.duban.decomposition.HospitalDirectory.Match;
import org.duban.org.Department;
import org.duban.org.Person;

/**
 * Turns the rows read from a file into an {@link ImportPlan} for one draft: resolves names, parses
 * deadlines, and checks every row against the file, the book and the hospital. Pure: the caller
 * gives it the book as it stands, the directory and today's date.
 */
final class ImportPlanner {

  static final int GOAL_AREA_MAX_LENGTH = 100;

  /** The draft as the planner needs it. */
  record Book(
      LocalDate periodStart,
      LocalDate periodEnd,
      Map<String, Long> goalAreaIds,
      List<ExistingItem> items) {}

  /**
   * An item already in the draft, compared with a row of the same 序号; indicators by {@link
   * PlannedIndicator#key}.
   */
  record ExistingItem(
      String seq,
      String goalArea,
      String title,
      String targetText,
      Long leadDepartmentId,
      Set<Long> collaboratorIds,
      Long leaderInChargeId,
      LocalDate deadline,
      List<String> indicatorKeys) {

    ExistingItem(
        String seq,
        String goalArea,
        String title,
        String targetText,
        Long leadDepartmentId,
        Set<Long> collaboratorIds,
        Long leaderInChargeId,
        LocalDate deadline) {
      this(
          seq,
          goalArea,
          title,
          targetText,
          leadDepartmentId,
          collaboratorIds,
          leaderInChargeId,
          deadline,
          List.of());
    }
  }

  private static final String SEPARATORS = "[、,，;；\\r\\n]+";

  /** Form fields whose bean-validation limits are checked per row, with their column. */
  private static final Map<String, DecompositionColumn> FORM_FIELDS =
      Map.of("seq", SEQ, "title", TITLE, "targetText", TARGET);

  private final Book book;
  private final HospitalDirectory directory;
  private final LocalDate today;
  private final Validator validator;

  ImportPlanner(Book book, HospitalDirectory directory, LocalDate today, Validator validator) {
    this.book = book;
    this.directory = directory;
    this.today = today;
    this.validator = validator;
  }

  ImportPlan plan(DecompositionReader.Result read) {
    if (!read.isReadable() || read.rows().isEmpty()) {
      return ImportPlan.rejected(read.problems());
    }
    List<ImportProblem> problems = new ArrayList<>(read.problems());
    Map<String, ExistingItem> existing = new HashMap<>();
    book.items().forEach(item -> existing.put(item.seq(), item));
    Map<String, Integer> seenSeq = new HashMap<>();
    Set<String> newAreas = new LinkedHashSet<>();
    List<PlannedRow> rows = new ArrayList<>();
    for (List<SheetRow> item : items(read.rows())) {
      SheetRow row = item.get(0);
      List<ImportProblem> fromReader =
          read.problems().stream()
              .filter(p -> item.stream().anyMatch(r -> r.rowNumber() == p.row()))
              .toList();
      List<ImportProblem> own = new ArrayList<>();
      PlannedRow planned =
          plan(row, item.subList(1, item.size()), fromReader, own, seenSeq, existing);
      if (!planned.seq().isEmpty()) {
        seenSeq.putIfAbsent(planned.seq(), row.rowNumber());
      }
      if (planned.status() == PlannedRow.Status.NEW && planned.newGoalArea()) {
        newAreas.add(planned.goalArea());
      }
      rows.add(planned);
      problems.addAll(own);
    }
    return new ImportPlan(rows, List.copyOf(newAreas), problems);
  }

  /**
   * The rows of each item: its own row, and the rows under it that only add indicators (one
   * indicator a row, as offices write them): the same 序号, indicator cells filled, and every other
   * cell blank or the same as the item's (merged cells fill them so).
   */
  static List<List<SheetRow>> items(List<SheetRow> rows) {
    List<List<SheetRow>> items = new ArrayList<>();
    for (SheetRow row : rows) {
      if (!items.isEmpty() && continues(row, items.get(items.size() - 1).get(0))) {
        items.get(items.size() - 1).add(row);
      } else {
        items.add(new ArrayList<>(List.of(row)));
      }
    }
    return items;
  }

  private static boolean continues(SheetRow row, SheetRow item) {
    if (row.text(SEQ).isEmpty() || !row.text(SEQ).equals(item.text(SEQ))) {
      return false;
    }
    boolean indicator = false;
    for (DecompositionColumn column : DecompositionColumn.values()) {
      if (column.isIndicator()) {
        indicator |= !row.cell(column).isBlank();
      } else if (column != SEQ
          && !row.cell(column).isBlank()
          && !row.text(column).equals(item.text(column))) {
        return false;
      }
    }
    return indicator;
  }

  /**
   * @param more the rows under it that add indicators
   * @param fromReader what the reader found on these rows (formula errors)
   * @param problems receives the problems found here
   */
  private PlannedRow plan(
      SheetRow row,
      List<SheetRow> more,
      List<ImportProblem> fromReader,
      List<ImportProblem> problems,
      Map<String, Integer> seenSeq,
      Map<String, ExistingItem> existing) {
    int n = row.rowNumber();

    List<String> missing = new ArrayList<>();
    for (DecompositionColumn column : DecompositionColumn.values()) {
      if (column.required() && row.cell(column).isBlank()) {
        missing.add(column.header());
      }
    }
    if (!missing.isEmpty()) {
      problems.add(ImportProblem.atRow(n, "row.missing", String.join("、", missing)));
    }

    String seq = row.text(SEQ);
    if (!seq.isEmpty() && seenSeq.containsKey(seq)) {
      problems.add(
          ImportProblem.atRow(n, "row.seq.duplicateInFile", seq, String.valueOf(seenSeq.get(seq))));
    }

    String goalArea = row.text(GOAL_AREA);
    if (goalArea.length() > GOAL_AREA_MAX_LENGTH) {
      problems.add(
          ImportProblem.atRow(
              n, "row.tooLong", GOAL_AREA.header(), String.valueOf(GOAL_AREA_MAX_LENGTH)));
    }
    boolean newGoalArea = !goalArea.isEmpty() && !book.goalAreaIds().containsKey(goalArea);

    Department lead = null;
    if (present(row, LEAD)) {
      lead = department(row.text(LEAD), LEAD, n, problems);
    }
    List<Department> collaborators = new ArrayList<>();
    for (String name : row.text(COLLABORATORS).split(SEPARATORS)) {
      if (present(row, COLLABORATORS) && !name.isBlank()) {
        Department department = department(name.strip(), COLLABORATORS, n, problems);
        if (department != null && !department.equals(lead) && !collaborators.contains(department)) {
          collaborators.add(department);
        }
      }
    }

    Person leader = null;
    if (present(row, LEADER)) {
      leader = leader(row.text(LEADER), n, problems);
    }

    SheetRow.Cell deadlineCell = row.cell(DEADLINE);
    LocalDate deadline = deadlineCell.date();
    if (deadline == null && present(row, DEADLINE)) {
      Optional<LocalDate> parsed = DeadlineParser.parse(deadlineCell.text());
      if (parsed.isEmpty()) {
        problems.add(ImportProblem.atRow(n, "row.deadline.invalid", deadlineCell.text()));
      }
      deadline = parsed.orElse(null);
    }

    LocalDate startDate = date(row, START_DATE, "row.startDate.invalid", problems);

    List<PlannedIndicator> indicators = new ArrayList<>(IndicatorCells.parse(row, problems));
    for (SheetRow continued : more) {
      indicators.addAll(IndicatorCells.parse(continued, problems));
    }

    String targetText = row.text(TARGET).isEmpty() ? null : row.text(TARGET);
    // a cell the reader could not read (a formula error) was reported there
    boolean unreadable =
        fromReader.size() > 0
            || row.cells().values().stream().anyMatch(SheetRow.Cell::isError)
            || more.stream()
                .anyMatch(r -> r.cells().values().stream().anyMatch(SheetRow.Cell::isError));
    // every check runs whatever the others found, so that one pass lists every problem of the row
    PlannedRow.Status status = PlannedRow.Status.NEW;
    ExistingItem same = seq.isEmpty() ? null : existing.get(seq);
    if (same != null) {
      List<Long> collaboratorIds = collaborators.stream().map(Department::getId).toList();
      List<String> differences =
          differences(
              same, goalArea, row.text(TITLE), targetText, lead, collaboratorIds, leader, deadline);
      if (!same.indicatorKeys().equals(indicators.stream().map(PlannedIndicator::key).toList())) {
        differences.add(INDICATOR_NAME.header());
      }
      if (differences.isEmpty()) {
        status = PlannedRow.Status.EXISTING;
      } else {
        problems.add(
            ImportProblem.atRow(n, "row.seq.existsDifferent", seq, String.join("、", differences)));
      }
    } else {
      if (deadline != null && deadline.isBefore(today)) {
        problems.add(ImportProblem.atRow(n, "row.deadline.past", deadline.toString()));
      }
      if (deadline != null
          && (deadline.isBefore(book.periodStart()) || deadline.isAfter(book.periodEnd()))) {
        problems.add(
            ImportProblem.atRow(
                n,
                "row.deadline.outsidePeriod",
                deadline.toString(),
                book.periodStart().toString(),
                book.periodEnd().toString()));
      }
      if (startDate != null
          && (startDate.isBefore(book.periodStart()) || startDate.isAfter(book.periodEnd()))) {
        problems.add(
            ImportProblem.atRow(
                n,
                "row.startDate.outsidePeriod",
                startDate.toString(),
                book.periodStart().toString(),
                book.periodEnd().toString()));
      }
      if (startDate != null && deadline != null && startDate.isAfter(deadline)) {
        problems.add(
            ImportProblem.atRow(
                n, "row.startDate.afterDeadline", startDate.toString(), deadline.toString()));
      }
      problems.addAll(formLimits(n, seq, row.text(TITLE), targetText));
    }
    if (!problems.isEmpty() || unreadable) {
      status = PlannedRow.Status.INVALID;
    }
    List<ImportProblem> shown = new ArrayList<>(fromReader);
    shown.addAll(problems);
    return new PlannedRow(
        n,
        seq,
        goalArea,
        newGoalArea,
        row.text(TITLE),
        targetText,
        lead == null ? null : lead.getId(),
        lead == null ? row.text(LEAD) : lead.getName(),
        collaborators.stream().map(Department::getId).toList(),
        status == PlannedRow.Status.INVALID
            ? splitNames(row.text(COLLABORATORS))
            : collaborators.stream().map(Department::getName).toList(),
        leader == null ? null : leader.getId(),
        leader == null ? row.text(LEADER) : leader.getFullName(),
        deadline,
        deadline == null ? deadlineCell.text() : deadline.toString(),
        status,
        shown,
        indicators,
        startDate);
  }

  /** A date cell as Excel stores it or as people type it; a cell that is neither is a problem. */
  private static LocalDate date(
      SheetRow row, DecompositionColumn column, String invalidKey, List<ImportProblem> problems) {
    SheetRow.Cell cell = row.cell(column);
    if (cell.date() != null || !present(row, column)) {
      return cell.date();
    }
    Optional<LocalDate> parsed = DeadlineParser.parse(cell.text());
    if (parsed.isEmpty()) {
      problems.add(ImportProblem.atRow(row.rowNumber(), invalidKey, cell.text()));
    }
    return parsed.orElse(null);
  }

  private static boolean present(SheetRow row, DecompositionColumn column) {
    SheetRow.Cell cell = row.cell(column);
    return !cell.isBlank() && !cell.isError();
  }

  private Department department(
      String name, DecompositionColumn column, int n, List<ImportProblem> problems) {
    Match<Department> match = directory.department(name);
    if (match instanceof Match.Found<Department> found) {
      return found.value();
    }
    if (match instanceof Match.Ambiguous<Department> ambiguous) {
      problems.add(
          ImportProblem.atRow(
              n,
              "row.department.ambiguous",
              column.header(),
              name,
              String.join("、", ambiguous.names())));
    } else {
      problems.add(ImportProblem.atRow(n, "row.department.unknown", column.header(), name));
    }
    return null;
  }

  private Person leader(String name, int n, List<ImportProblem> problems) {
    Match<Person> match = directory.leader(name);
    if (match instanceof Match.Found<Person> found) {
      return found.value();
    }
    if (match instanceof Match.Ambiguous<Person> ambiguous) {
      problems.add(
          ImportProblem.atRow(
              n, "row.leader.ambiguous", name, String.join("、", ambiguous.names())));
    } else if (match instanceof Match.NotLeader<Person>) {
      problems.add(ImportProblem.atRow(n, "row.leader.notLeader", name));
    } else {
      problems.add(ImportProblem.atRow(n, "row.leader.unknown", name));
    }
    return null;
  }

  /** The limits of the editor's form (序号 20, 工作任务 500, 具体目标 2000 characters). */
  private List<ImportProblem> formLimits(int n, String seq, String title, String targetText) {
    WorkItemFormData data = new WorkItemFormData();
    data.setSeq(seq);
    data.setTitle(title);
    data.setTargetText(targetText);
    Map<String, ImportProblem> byField = new LinkedHashMap<>();
    for (ConstraintViolation<WorkItemFormData> violation : validator.validate(data)) {
      String field = violation.getPropertyPath().toString();
      DecompositionColumn column = FORM_FIELDS.get(field);
      if (column == null
          || violation.getInvalidValue() == null
          || violation.getInvalidValue().toString().isBlank()) {
        // a blank required cell is named by row.missing
        continue;
      }
      Object max = violation.getConstraintDescriptor().getAttributes().get("max");
      byField.putIfAbsent(
          field,
          max == null
              ? ImportProblem.atRow(n, "row.invalid", column.header(), violation.getMessage())
              : ImportProblem.atRow(n, "row.tooLong", column.header(), String.valueOf(max)));
    }
    return new ArrayList<>(byField.values());
  }

  private static List<String> differences(
      ExistingItem item,
      String goalArea,
      String title,
      String targetText,
      Department lead,
      List<Long> collaboratorIds,
      Person leader,
      LocalDate deadline) {
    List<String> differences = new ArrayList<>();
    if (!item.goalArea().equals(goalArea)) {
      differences.add(GOAL_AREA.header());
    }
    if (!item.title().equals(title)) {
      differences.add(TITLE.header());
    }
    if (!Objects.equals(blankToNull(item.targetText()), targetText)) {
      differences.add(TARGET.header());
    }
    if (lead == null || !item.leadDepartmentId().equals(lead.getId())) {
      differences.add(LEAD.header());
    }
    if (!item.collaboratorIds().equals(new LinkedHashSet<>(collaboratorIds))) {
      differences.add(COLLABORATORS.header());
    }
    if (leader == null || !item.leaderInChargeId().equals(leader.getId())) {
      differences.add(LEADER.header());
    }
    if (!item.deadline().equals(deadline)) { // null: no deadline could be read
      differences.add(DEADLINE.header());
    }
    return differences;
  }

  private static List<String> splitNames(String text) {
    List<String> names = new ArrayList<>();
    for (String name : text.split(SEPARATORS)) {
      if (!name.isBlank()) {
        names.add(name.strip());
      }
    }
    return names;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
