package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.book.ItemSummary;
import org.duban.book.Light;
import org.duban.book.TaskBook;
import org.duban.book.WorkItemFormData;
import org.duban.book.WorkItemRepository;
import org.duban.checkin.CheckInService;
import org.duban.light.LightFacts;
import org.duban.light.WeeklySupervisionService;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/** Export of a book's decomposition table with the live state of the items the viewer may see. */
class DecompositionExportWebTest extends DecompositionTestSupport {

  private static final List<String> IMPORT_HEADERS =
      List.of(
          "序号", "目标领域", "工作任务", "具体目标/指标", "牵头部门", "协同部门", "分管领导", "完成时限", "指标名称", "比较方式", "目标值",
          "单位", "基线值", "开始时间");
  private static final List<String> STATE_HEADERS =
      List.of(
          "阶段", "完成进度", "状态灯", "亮灯原因", "最近填报日期", "最近填报进度", "最近工作进展", "指标（目标）", "最新指标读数", "在办督办单");

  @Autowired IssuedItemFixture fixture;
  @Autowired CheckInService checkIns;
  @Autowired WeeklySupervisionService supervision;
  @Autowired org.duban.ladder.EscalationLadder ladder;
  @Autowired WorkTasks workTasks;
  @Autowired TaskService taskService;
  @Autowired WorkItemRepository workItems;
  @Autowired TransactionTemplate transaction;

  private MvcResult export(Long bookId, String username) throws Exception {
    return mvc.perform(get("/books/{id}/export.xlsx", bookId).with(as(username)))
        .andExpect(status().isOk())
        .andReturn();
  }

  private static XSSFWorkbook workbook(MvcResult result) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
  }

  private static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    for (int c = 0; c < row.getLastCellNum(); c++) {
      Cell cell = row.getCell(c);
      texts.add(cell == null ? "" : cell.toString());
    }
    return texts;
  }

  private WorkItemFormData item(
      Long goalAreaId,
      String seq,
      String title,
      String target,
      String lead,
      List<String> collaborators,
      String leader,
      LocalDate deadline) {
    WorkItemFormData data = new WorkItemFormData();
    data.setGoalAreaId(goalAreaId);
    data.setSeq(seq);
    data.setTitle(title);
    data.setTargetText(target);
    data.setLeadDepartmentId(hospital.department(lead).getId());
    data.setCollaboratorIds(
        collaborators.stream().map(c -> hospital.department(c).getId()).toList());
    data.setLeaderInChargeId(hospital.personId(leader));
    data.setDeadline(deadline);
    return data;
  }

  @Test
  void theExportHasTheImportColumnsFirstAndTheLiveStateOfEachItem() throws Exception {
    // Given an issued item with a check-in, a red light and an open supervision notice
    IssuedItem issued = fixture.issuedItem("导出实时状态");
    Long indicatorId =
        transaction.execute(
            s -> workItems.findById(issued.itemId()).orElseThrow().getIndicators().get(0).getId());
    checkIns.submit(
        issued.itemId(),
        "2026-02",
        30,
        Map.of(indicatorId, new BigDecimal("7.1")),
        "已完成病种梳理",
        "信息系统改造滞后",
        "tmedhead");
    supervision.recordLight(
        null, issued.itemId(), Light.RED, "进度落后序时进度30个百分点及以上", new LightFacts(60, 30, 0, 0, 200));
    ladder.open(issued.itemId());
    String triage =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(issued.businessKey())
            .taskDefinitionKey("triageEscalation")
            .singleResult()
            .getId();
    workTasks.complete(
        triage,
        Map.of(
            "triageDecision",
            "notice",
            "noticeRequirement",
            "两周内提交整改方案",
            "noticeDeadline",
            LocalDate.of(2026, 3, 16)),
        user("tducha"));

    // When the issuer exports the book
    MvcResult result = export(issued.bookId(), IssuedItemFixture.ISSUER);

    // Then it is an .xlsx with a Chinese file name
    assertThat(result.getResponse().getContentType()).isEqualTo(XLSX);
    String disposition = result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION);
    assertThat(disposition)
        .startsWith(
            "attachment; filename=\"book-"
                + issued.bookId()
                + "-decomposition.xlsx\"; filename*=UTF-8''");
    assertThat(
            URLDecoder.decode(
                disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
        .isEqualTo("导出实时状态任务书-分解表-20260302.xlsx");

    try (XSSFWorkbook workbook = workbook(result)) {
      // with one sheet whose first thirteen columns are the import columns (indicators last), then
      // the state
      assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
      XSSFSheet sheet = workbook.getSheetAt(0);
      List<String> headers = texts(sheet.getRow(0));
      assertThat(headers.subList(0, 14)).isEqualTo(IMPORT_HEADERS);
      assertThat(headers.subList(14, headers.size())).isEqualTo(STATE_HEADERS);

      // and the item's row
      Row row = sheet.getRow(1);
      assertThat(texts(row).subList(0, 7))
          .containsExactly("1", "医疗服务", "导出实时状态", "平均住院日≤6.5天", "测试医务部", "测试信息中心", "测试分管院长");
      assertThat(DateUtil.isCellDateFormatted(row.getCell(7))).isTrue();
      assertThat(row.getCell(7).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2026, 3, 2).plusDays(200));
      assertThat(texts(row).subList(8, 13)).containsExactly("平均住院日", "≤", "6.5", "天", "7.2");
      assertThat(row.getCell(14).getStringCellValue()).isEqualTo("待认领");
      assertThat(row.getCell(15).getNumericCellValue()).isEqualTo(0.3);
      assertThat(row.getCell(15).getCellStyle().getDataFormatString()).isEqualTo("0%");
      assertThat(row.getCell(16).getStringCellValue()).isEqualTo("红灯");
      assertThat(
              ((XSSFCell) row.getCell(16))
                  .getCellStyle()
                  .getFillForegroundColorColor()
                  .getARGBHex())
          .isEqualTo("FFD63031");
      assertThat(row.getCell(17).getStringCellValue()).isEqualTo("进度落后序时进度30个百分点及以上");
      assertThat(row.getCell(18).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(TODAY);
      assertThat(row.getCell(19).getNumericCellValue()).isEqualTo(0.3);
      assertThat(row.getCell(20).getStringCellValue()).isEqualTo("已完成病种梳理");
      assertThat(row.getCell(21).getStringCellValue()).isEqualTo("平均住院日 ≤ 6.5 天");
      assertThat(row.getCell(22).getStringCellValue()).isEqualTo("2026-02：平均住院日：7.1天 ✗");
      assertThat(row.getCell(23).getStringCellValue()).matches("督〔2026〕\\d+号");

      // filterable, with a frozen header, set widths and wrapped text
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:X2");
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
      assertThat(sheet.getColumnWidth(2)).isEqualTo(WorkbookStyles.chineseWidth(20));
      assertThat(row.getCell(2).getCellStyle().getWrapText()).isTrue();
    }
  }

  @Test
  void aDepartmentExportsOnlyTheItemsItLeadsOrCollaboratesOn() throws Exception {
    // Given a book with an item of 测试医务部 (测试信息中心 collaborating) and one of 测试护理部
    TaskBook book = draft("导出：部门边界");
    taskBooks.addItem(
        book.getId(),
        item(
            book.getGoalAreas().get(0).getId(),
            "1",
            "医务事项",
            null,
            "tmedical",
            List.of("tit"),
            "tincharge",
            LocalDate.of(2026, 6, 30)),
        user(ISSUER));
    taskBooks.addItem(
        book.getId(),
        item(
            book.getGoalAreas().get(0).getId(),
            "2",
            "护理事项",
            null,
            "tnursing",
            List.of(),
            "tincharge",
            LocalDate.of(2026, 6, 30)),
        user(ISSUER));

    // When each exports it, Then each sees the rows its department has a part in
    assertThat(titles(export(book.getId(), "tmedhead"))).containsExactly("医务事项");
    assertThat(titles(export(book.getId(), "tithead"))).containsExactly("医务事项");
    assertThat(titles(export(book.getId(), "tnursehead"))).containsExactly("护理事项");
    // and leaders and the supervision office see all
    assertThat(titles(export(book.getId(), "treviewer"))).containsExactly("医务事项", "护理事项");
    assertThat(titles(export(book.getId(), "tducha"))).containsExactly("医务事项", "护理事项");
  }

  private static List<String> titles(MvcResult result) throws IOException {
    try (XSSFWorkbook workbook = workbook(result)) {
      XSSFSheet sheet = workbook.getSheetAt(0);
      List<String> titles = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        titles.add(sheet.getRow(r).getCell(2).getStringCellValue());
      }
      return titles;
    }
  }

  @Test
  void anExportImportsIntoANewDraftAsTheSameItems() throws Exception {
    // Given a book with items in two goal areas, several collaborators, a two-line target and none
    TaskBook source = draft("导出再导入：原任务书");
    Long services = source.getGoalAreas().get(0).getId();
    Long subjects = taskBooks.addGoalArea(source.getId(), "学科建设", user(ISSUER)).getId();
    taskBooks.addItem(
        source.getId(),
        item(
            services,
            "1",
            "缩短平均住院日",
            "平均住院日≤6.5天\n术前住院日≤2天",
            "tmedical",
            List.of("tit", "tnursing"),
            "tincharge",
            LocalDate.of(2026, 6, 30)),
        user(ISSUER));
    taskBooks.addItem(
        source.getId(),
        item(
            subjects,
            "2.1",
            "建设胸痛中心",
            null,
            "tnursing",
            List.of(),
            "treviewer",
            LocalDate.of(2026, 12, 31)),
        user(ISSUER));
    taskBooks.addItem(
        source.getId(),
        item(
            subjects,
            "02",
            "上线互联网医院",
            "年内上线",
            "tit",
            List.of("tmedical"),
            "tleader",
            LocalDate.of(2026, 3, 2)),
        user(ISSUER));

    // When it is exported and the file imported into a new draft
    byte[] exported = export(source.getId(), ISSUER).getResponse().getContentAsByteArray();
    TaskBook target = draft("导出再导入：新任务书");
    confirm(target.getId(), uploadClean(target.getId(), "导出.xlsx", exported));

    // Then the new draft has the same items
    assertThat(comparable(items(target.getId()))).isEqualTo(comparable(items(source.getId())));
    assertThat(items(target.getId())).hasSize(3);
    assertThat(goalAreas(target.getId())).containsExactly("医疗服务", "学科建设");
  }

  /** What must survive the round trip; collaborators as a set, since their order is not kept. */
  private static List<List<Object>> comparable(List<ItemSummary> items) {
    return items.stream()
        .map(
            i ->
                List.<Object>of(
                    i.seq(),
                    i.goalArea(),
                    i.title(),
                    String.valueOf(i.targetText()),
                    i.leadDepartment(),
                    new HashSet<>(i.collaborators()),
                    i.leaderInCharge(),
                    i.deadline()))
        .toList();
  }

  @Test
  void theTemplateHasTheImportHeadersAndAnExampleRowThatImports() throws Exception {
    // When a leader downloads the template
    MvcResult result =
        mvc.perform(get("/books/template.xlsx").with(as(ISSUER)))
            .andExpect(status().isOk())
            .andReturn();

    // Then it is named 分解表模板.xlsx and starts with the import headers and one example row
    String disposition = result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION);
    assertThat(
            URLDecoder.decode(
                disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
        .isEqualTo("分解表模板.xlsx");
    try (XSSFWorkbook workbook = workbook(result)) {
      XSSFSheet table = workbook.getSheetAt(0);
      assertThat(texts(table.getRow(0))).isEqualTo(IMPORT_HEADERS);
      assertThat(table.getLastRowNum()).isEqualTo(1);
      assertThat(table.getRow(1).getCell(2).getStringCellValue()).isEqualTo("缩短平均住院日");
      assertThat(texts(table.getRow(1)).subList(8, 13))
          .containsExactly("平均住院日", "≤", "6.5", "天", "7.2");
      assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("填写说明");
      assertThat(table.getDataValidations()).hasSize(2);
    }

    // and the example row, naming the hospital's own departments and leader, imports as it is
    TaskBook book = draft("导入：模板示例行");
    confirm(
        book.getId(),
        uploadClean(book.getId(), "分解表模板.xlsx", result.getResponse().getContentAsByteArray()));
    assertThat(items(book.getId())).extracting(ItemSummary::title).containsExactly("缩短平均住院日");
    assertThat(items(book.getId()).get(0).indicators()).containsExactly("平均住院日 ≤ 6.5 天");
  }

  @Test
  void inEnglishTheStateColumnsAreTranslatedButTheImportColumnsStay() throws Exception {
    TaskBook book = draft("导出：英文界面");

    MvcResult result =
        mvc.perform(
                get("/books/{id}/export.xlsx", book.getId()).param("lang", "en").with(as(ISSUER)))
            .andExpect(status().isOk())
            .andReturn();

    try (XSSFWorkbook workbook = workbook(result)) {
      List<String> headers = texts(workbook.getSheetAt(0).getRow(0));
      assertThat(headers.subList(0, 14)).isEqualTo(IMPORT_HEADERS);
      assertThat(headers.get(14)).isEqualTo("Stage");
    }
  }

  @Test
  void anUnknownBookHasNoExport() throws Exception {
    mvc.perform(get("/books/{id}/export.xlsx", 987654321L).with(as(ISSUER)))
        .andExpect(status().isNotFound());
  }
}
