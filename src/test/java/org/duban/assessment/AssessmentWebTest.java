package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.WebTestSupport;
import org.duban.infrastructure.EngineClock;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The assessment pages: opening with weights (supervision office only, bad weights refused in
 * Chinese), the overview per department and leader, a department sees only its own score,
 * publishing, the Excel export read back with POI, and last year's result beside each department on
 * the next year's book page.
 */
class AssessmentWebTest extends WebTestSupport {

  @Autowired AssessmentBooks books;
  @Autowired AssessmentResults results;
  @Autowired AssessmentRepository assessments;
  @Autowired WorkTasks workTasks;

  String html(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  Long dept(String code) {
    return hospital.department(code).getId();
  }

  MockHttpServletRequestBuilder openRequest(
      AssessmentBooks.Book book, String user, int party, int medical) {
    return post("/assessments")
        .with(as(user))
        .with(csrf())
        .param("bookId", book.bookId().toString())
        .param("weight_" + book.partyArea(), String.valueOf(party))
        .param("weight_" + book.medicalArea(), String.valueOf(medical));
  }

  /**
   * Opened through the page, both departments reviewed, the medical appeal decided: party item 90.
   */
  Assessment assessedAndAppealed(AssessmentBooks.Book book) throws Exception {
    mvc.perform(openRequest(book, "tducha", 40, 60)).andExpect(status().is3xxRedirection());
    Assessment assessment = assessments.findByTaskBookId(book.bookId()).orElseThrow();
    workTasks.complete(
        books.review(assessment, "tmedical").getId(),
        Map.of("assessmentResponse", "appeal", "appealReason", "党建工作已完成"),
        hospital.user("tmedhead"));
    workTasks.complete(
        books.review(assessment, "tnursing").getId(),
        Map.of("assessmentResponse", "accept"),
        hospital.user("tnursehead"));
    workTasks.complete(
        books.task(assessment.getProcessInstanceId(), "decideAppeal").getId(),
        Map.of(
            "appealDecision",
            "change",
            "changedItem",
            book.medicalPartyItem().toString(),
            "newScore",
            new BigDecimal("90"),
            "decisionReason",
            "经核实已完成"),
        hospital.user("tincharge"));
    return assessment;
  }

  @Test
  void staffCannotOpenAnAssessment() throws Exception {
    AssessmentBooks.Book book = books.issued("页面权限任务书", EngineClock.today().getYear());

    mvc.perform(get("/assessments/new").with(as("tmedstaff"))).andExpect(status().isForbidden());
    mvc.perform(openRequest(book, "tmedstaff", 40, 60)).andExpect(status().isForbidden());
    mvc.perform(openRequest(book, "tmedhead", 40, 60)).andExpect(status().isForbidden());
    assertThat(assessments.findByTaskBookId(book.bookId())).isEmpty();
  }

  @Test
  void weightsNotSummingToHundredAreRefusedInChineseAndNothingOpens() throws Exception {
    AssessmentBooks.Book book = books.issued("页面权重任务书", EngineClock.today().getYear());

    // the office finds the way from the book page; a department head does not
    assertThat(html(get("/books/" + book.bookId()).with(as("tducha"))))
        .contains("href=\"/assessments/new?bookId=" + book.bookId() + "\"");
    assertThat(html(get("/books/" + book.bookId()).with(as("tmedhead"))))
        .doesNotContain("/assessments/new");
    String page =
        html(get("/assessments/new").param("bookId", book.bookId().toString()).with(as("tducha")));
    assertThat(page).contains("党建引领").contains("name=\"weight_" + book.partyArea() + "\"");

    String refused = html(openRequest(book, "tducha", 40, 50));
    assertThat(refused).contains("各目标领域权重之和须为100%，现为90%");
    assertThat(assessments.findByTaskBookId(book.bookId())).isEmpty();
  }

  @Test
  void aDepartmentSeesOnlyItsOwnScoreAndLeadersSeeAll() throws Exception {
    AssessmentBooks.Book book = books.issued("页面科室任务书", EngineClock.today().getYear());
    Assessment assessment = assessedAndAppealed(book);
    String own = "/assessments/" + assessment.getId() + "/departments/" + dept("tmedical");
    String other = "/assessments/" + assessment.getId() + "/departments/" + dept("tnursing");

    // the medical head sees the department's score with reasons and the changed score
    String page = html(get(own).with(as("tmedhead")));
    assertThat(page).contains("36.00").contains("经核实已完成").contains("考核时仍未完成");
    // but not the nursing department's, the overview or the export
    mvc.perform(get(other).with(as("tmedhead"))).andExpect(status().isForbidden());
    mvc.perform(get(other).with(as("tmedstaff"))).andExpect(status().isForbidden());
    mvc.perform(get("/assessments/" + assessment.getId()).with(as("tmedhead")))
        .andExpect(redirectedUrl(own));
    mvc.perform(get("/assessments/" + assessment.getId() + "/export.xlsx").with(as("tmedhead")))
        .andExpect(status().isForbidden());

    // the book page links to its assessment
    assertThat(html(get("/books/" + book.bookId()).with(as("tleader"))))
        .contains("href=\"/assessments/" + assessment.getId() + "\"");
    // a leader sees every department and leader
    String overview = html(get("/assessments/" + assessment.getId()).with(as("tleader")));
    assertThat(overview).contains("测试医务部").contains("测试护理部").contains("测试分管院长").contains("36.00");
  }

  @Test
  void theOfficePublishesAndTheExportHoldsTheNumbers() throws Exception {
    AssessmentBooks.Book book = books.issued("页面发布任务书", EngineClock.today().getYear());
    Assessment assessment = assessedAndAppealed(book);

    assertThat(html(get("/assessments/" + assessment.getId()).with(as("tducha"))))
        .contains("id=\"publish-form\"")
        .contains("科室确认中");
    mvc.perform(
            post("/assessments/" + assessment.getId() + "/publish")
                .with(as("tmedhead"))
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/assessments/" + assessment.getId() + "/publish")
                .with(as("tducha"))
                .with(csrf())
                .param("publishComment", "院长办公会审定"))
        .andExpect(redirectedUrl("/assessments/" + assessment.getId()))
        .andExpect(flash().attribute("notice", "assessment.published"));
    // publishing twice is refused with a message
    mvc.perform(
            post("/assessments/" + assessment.getId() + "/publish").with(as("tducha")).with(csrf()))
        .andExpect(flash().attribute("warning", "assessment.publish.already"));
    assertThat(results.assessment(assessment.getId()).isPublished()).isTrue();
    assertThat(html(get("/assessments/" + assessment.getId()).with(as("tducha")))).contains("已发布");
    assertThat(
            html(get("/assessments/" + assessment.getId()).param("lang", "en").with(as("tducha"))))
        .contains("Published")
        .contains("Department score");

    MvcResult download =
        mvc.perform(get("/assessments/" + assessment.getId() + "/export.xlsx").with(as("tducha")))
            .andExpect(status().isOk())
            .andReturn();
    try (Workbook workbook =
        new XSSFWorkbook(
            new ByteArrayInputStream(download.getResponse().getContentAsByteArray()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
      assertThat(workbook.getSheetName(0)).isEqualTo("汇总");
      Sheet summary = workbook.getSheet("汇总");
      Row medicalRow = rowStartingWith(summary, 1, "测试医务部");
      assertThat(medicalRow.getCell(2).getNumericCellValue()).isEqualTo(36.0);
      assertThat(medicalRow.getCell(3).getNumericCellValue()).isEqualTo(2.0);
      assertThat(medicalRow.getCell(4).getStringCellValue()).isEqualTo("改定得分：经核实已完成");
      assertThat(rowStartingWith(summary, 1, "测试护理部").getCell(2).getNumericCellValue())
          .isEqualTo(0.0);
      assertThat(rowStartingWith(summary, 1, "测试分管院长").getCell(2).getNumericCellValue())
          .isEqualTo(36.0);

      Sheet medical = workbook.getSheet("测试医务部");
      assertThat(medical.getRow(0).getCell(2).getNumericCellValue()).isEqualTo(36.0);
      Row party = rowStartingWith(medical, 2, "党建工作");
      assertThat(party.getCell(9).getNumericCellValue()).isEqualTo(0.0);
      assertThat(party.getCell(10).getNumericCellValue()).isEqualTo(90.0);
      assertThat(party.getCell(11).getStringCellValue())
          .isEqualTo("考核时仍未完成（+0）；指标无读数（未填报实际值），事项未完成不计指标分（+0）");
      assertThat(party.getCell(12).getStringCellValue()).isEqualTo("经核实已完成");
      assertThat(workbook.getSheet("测试护理部")).isNotNull();
    }
  }

  @Test
  void publishingWaitsForEveryDepartment() throws Exception {
    AssessmentBooks.Book book = books.issued("页面未确认任务书", EngineClock.today().getYear());
    mvc.perform(openRequest(book, "tducha", 30, 70)).andExpect(status().is3xxRedirection());
    Assessment assessment = assessments.findByTaskBookId(book.bookId()).orElseThrow();

    mvc.perform(
            post("/assessments/" + assessment.getId() + "/publish").with(as("tducha")).with(csrf()))
        .andExpect(flash().attribute("warning", "assessment.publish.notReady"));

    assertThat(results.assessment(assessment.getId()).isPublished()).isFalse();
    // the department page leads its people to the review task
    assertThat(
            html(
                get("/assessments/" + assessment.getId() + "/departments/" + dept("tmedical"))
                    .with(as("tmedhead"))))
        .contains("id=\"review-link\"");
  }

  @Test
  void anAppealThroughTheTaskPagesChangesTheScore() throws Exception {
    AssessmentBooks.Book book = books.issued("页面申诉任务书", EngineClock.today().getYear());
    mvc.perform(openRequest(book, "tducha", 30, 70)).andExpect(status().is3xxRedirection());
    Assessment assessment = assessments.findByTaskBookId(book.bookId()).orElseThrow();
    String review = books.review(assessment, "tmedical").getId();

    // the review form shows the department's score with each item's reasons and offers its items
    String form = html(get("/tasks/" + review).with(as("tmedhead")));
    assertThat(form).contains("测试医务部得分：0.00分").contains("考核时仍未完成（+0）").contains("1 党建工作（0.00）");

    // an appeal without a reason is refused beside the field, nothing recorded
    assertThat(
            html(
                post("/tasks/" + review)
                    .with(as("tmedhead"))
                    .with(csrf())
                    .param("assessmentResponse", "appeal")))
        .contains("申诉须写明理由");
    // with a reason it is recorded and goes to the leader in charge
    mvc.perform(
            post("/tasks/" + review)
                .with(as("tmedhead"))
                .with(csrf())
                .param("assessmentResponse", "appeal")
                .param("appealItem", book.medicalItem().toString())
                .param("appealReason", "住院日已达标，读数漏报"))
        .andExpect(redirectedUrl("/tasks"));
    String decide = books.task(assessment.getProcessInstanceId(), "decideAppeal").getId();
    assertThat(html(get("/tasks/" + decide).with(as("tincharge"))))
        .contains("住院日已达标，读数漏报")
        .contains("2 缩短住院日");
    mvc.perform(get("/tasks/" + decide).with(as("tmedhead"))).andExpect(status().isForbidden());

    mvc.perform(
            post("/tasks/" + decide)
                .with(as("tincharge"))
                .with(csrf())
                .param("appealDecision", "change")
                .param("changedItem", book.medicalItem().toString())
                .param("newScore", "85")
                .param("decisionReason", "补报读数达标，改为85分"))
        .andExpect(redirectedUrl("/tasks"));

    String page =
        html(
            get("/assessments/" + assessment.getId() + "/departments/" + dept("tmedical"))
                .with(as("tmedhead")));
    assertThat(page)
        .contains("改定得分：补报读数达标，改为85分")
        .contains("85.00")
        .contains("59.50"); // 0×30 + 85×70
  }

  @Test
  void nextYearsBookShowsLastYearsPublishedResultBesideEachDepartment() throws Exception {
    int year = EngineClock.today().getYear();
    AssessmentBooks.Book lastYear = books.issued("上年度考核任务书", year - 1);
    Assessment assessment = assessedAndAppealed(lastYear);
    AssessmentBooks.Book thisYear = books.issued("本年度任务书", year);

    // not before it is published
    assertThat(html(get("/books/" + thisYear.bookId()).with(as("tleader")))).doesNotContain("上年考核");

    workTasks.complete(
        books.task(assessment.getProcessInstanceId(), "publishResults").getId(),
        Map.of(),
        hospital.user("tducha"));

    String page = html(get("/books/" + thisYear.bookId()).with(as("tleader")));
    assertThat(page).contains("上年考核 36.00").contains("上年考核 0.00");
  }

  static Row rowStartingWith(Sheet sheet, int column, String text) {
    for (Row row : sheet) {
      if (row.getCell(column) != null && text.equals(row.getCell(column).toString())) {
        return row;
      }
    }
    throw new AssertionError("no row with " + text + " in " + sheet.getSheetName());
  }
}
