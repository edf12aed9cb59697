package org.duban.decomposition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.infrastructure.EngineClock;
import org.duban.org.Department;
import org.duban.org.DepartmentKind;
import org.duban.org.DepartmentRepository;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The empty decomposition table to fill in: the import headers and one example row, and a second
 * sheet 填写说明 with the rules and the hospital's departments and leaders, which the 牵头部门 and 分管领导
 * columns offer as drop-down lists.
 */
@Service
public class DecompositionTemplate {

  /** Rows of the table that get the drop-down lists. */
  private static final int VALIDATED_ROWS = 500;

  private final DepartmentRepository departments;
  private final PersonRepository people;
  private final MessageSource messages;

  DecompositionTemplate(
      DepartmentRepository departments, PersonRepository people, MessageSource messages) {
    this.departments = departments;
    this.people = people;
    this.messages = messages;
  }

  @Transactional(readOnly = true)
  public DecompositionExportService.Download template(Locale locale) {
    List<Department> active = departments.findByActiveTrueOrderByIdAsc();
    List<Person> leaders = people.findActiveByRole(Role.LEADER);
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      WorkbookStyles styles = new WorkbookStyles(workbook);
      XSSFSheet table = workbook.createSheet(message("decomposition.export.sheet", locale));
      XSSFSheet guide = workbook.createSheet(message("decomposition.template.guideSheet", locale));

      Row header = table.createRow(0);
      int[] widths = DecompositionExportService.IMPORT_COLUMN_WIDTHS;
      for (DecompositionColumn column : DecompositionColumn.values()) {
        table.setColumnWidth(
            column.ordinal(), WorkbookStyles.chineseWidth(widths[column.ordinal()]));
        DecompositionExportService.cell(header, column.ordinal(), column.header(), styles.header);
      }
      Row example = table.createRow(1);
      int year = EngineClock.today().getYear();
      DecompositionExportService.cell(example, 0, "1", styles.seq);
      DecompositionExportService.cell(
          example, 1, message("decomposition.template.example.goalArea", locale), styles.text);
      DecompositionExportService.cell(
          example, 2, message("decomposition.template.example.title", locale), styles.text);
      DecompositionExportService.cell(
          example, 3, message("decomposition.template.example.target", locale), styles.text);
      List<String> working =
          active.stream()
              .filter(
                  d ->
                      d.getKind() == DepartmentKind.FUNCTIONAL
                          || d.getKind() == DepartmentKind.CLINICAL)
              .map(Department::getName)
              .toList();
      // the example names real departments and a real leader, so that it would import as it is
      String lead =
          !working.isEmpty()
              ? working.get(0)
              : active.isEmpty()
                  ? message("decomposition.template.example.lead", locale)
                  : active.get(0).getName();
      DecompositionExportService.cell(example, 4, lead, styles.text);
      DecompositionExportService.cell(
          example, 5, String.join("、", working.stream().skip(1).limit(2).toList()), styles.text);
      DecompositionExportService.cell(
          example,
          6,
          leaders.isEmpty()
              ? message("decomposition.template.example.leader", locale)
              : leaders.get(0).getFullName(),
          styles.text);
      DecompositionExportService.date(example, 7, LocalDate.of(year, 12, 31), styles.date);
      // the example's indicator: 平均住院日 ≤ 6.5 天 from 7.2 (several: one row each with the same 序号, or
      // ；)
      String[] indicator = {
        message("decomposition.template.example.indicator", locale),
        "≤",
        "6.5",
        message("decomposition.template.example.unit", locale),
        "7.2"
      };
      for (int i = 0; i < indicator.length; i++) {
        DecompositionExportService.cell(
            example, DecompositionColumn.INDICATOR_NAME.ordinal() + i, indicator[i], styles.text);
      }
      table.createFreezePane(0, 1);

      int r = 0;
      guide.setColumnWidth(0, WorkbookStyles.chineseWidth(40));
      guide.setColumnWidth(1, WorkbookStyles.chineseWidth(12));
      DecompositionExportService.cell(
          guide.createRow(r++),
          0,
          message("decomposition.template.guide.title", locale),
          styles.title);
      for (int i = 1; i <= 8; i++) {
        DecompositionExportService.cell(
            guide.createRow(r++),
            0,
            message("decomposition.template.guide." + i, locale),
            styles.plain);
      }
      r++;
      Row departmentsHeader = guide.createRow(r++);
      DecompositionExportService.cell(
          departmentsHeader,
          0,
          message("decomposition.template.departments", locale),
          styles.header);
      DecompositionExportService.cell(
          departmentsHeader, 1, message("decomposition.template.shortName", locale), styles.header);
      int firstDepartment = r;
      for (Department department : active) {
        Row row = guide.createRow(r++);
        DecompositionExportService.cell(row, 0, department.getName(), styles.text);
        DecompositionExportService.cell(row, 1, department.getShortName(), styles.text);
      }
      int lastDepartment = r - 1;
      r++;
      DecompositionExportService.cell(
          guide.createRow(r++),
          0,
          message("decomposition.template.leaders", locale),
          styles.header);
      int firstLeader = r;
      for (Person leader : leaders) {
        DecompositionExportService.cell(guide.createRow(r++), 0, leader.getFullName(), styles.text);
      }
      int lastLeader = r - 1;

      if (!active.isEmpty()) {
        dropDown(
            workbook,
            table,
            guide,
            "Departments",
            firstDepartment,
            lastDepartment,
            DecompositionColumn.LEAD.ordinal());
      }
      if (!leaders.isEmpty()) {
        dropDown(
            workbook,
            table,
            guide,
            "Leaders",
            firstLeader,
            lastLeader,
            DecompositionColumn.LEADER.ordinal());
      }
      workbook.setActiveSheet(0);
      workbook.write(out);
      return new DecompositionExportService.Download(
          message("decomposition.template.fileName", locale), out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A list to pick from, warning (not refusing) on other text, since short names are fine too. */
  private static void dropDown(
      XSSFWorkbook workbook,
      XSSFSheet table,
      XSSFSheet guide,
      String name,
      int first,
      int last,
      int column) {
    Name range = workbook.createName();
    range.setNameName(name);
    range.setRefersToFormula(
        "'" + guide.getSheetName() + "'!$A$" + (first + 1) + ":$A$" + (last + 1));
    DataValidationHelper helper = table.getDataValidationHelper();
    DataValidation validation =
        helper.createValidation(
            helper.createFormulaListConstraint(name),
            new CellRangeAddressList(1, VALIDATED_ROWS, column, column));
    validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
    validation.setShowErrorBox(true);
    validation.setSuppressDropDownArrow(true);
    table.addValidationData(validation);
  }

  private String message(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}
