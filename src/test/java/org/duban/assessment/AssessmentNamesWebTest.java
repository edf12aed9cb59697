package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.duban.WebTestSupport;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The assessment's overview says who opened it by name (测试督查), not by log-in (tducha); and the
 * department's page leads to the score review only those who may take it: its head, not its staff.
 */
class AssessmentNamesWebTest extends WebTestSupport {

  @Autowired AssessmentBooks books;
  @Autowired AssessmentRepository assessments;

  @Test
  void theOverviewNamesWhoOpenedTheAssessment() throws Exception {
    hospital.ensure();
    AssessmentBooks.Book book = books.issued("姓名考核任务书", EngineClock.today().getYear());
    mvc.perform(
            post("/assessments")
                .with(user(hospital.user("tducha")))
                .with(csrf())
                .param("bookId", book.bookId().toString())
                .param("weight_" + book.partyArea(), "40")
                .param("weight_" + book.medicalArea(), "60"))
        .andExpect(status().is3xxRedirection());
    Assessment assessment = assessments.findByTaskBookId(book.bookId()).orElseThrow();

    String overview =
        mvc.perform(get("/assessments/" + assessment.getId()).with(user(hospital.user("tleader"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String opened = overview.substring(overview.indexOf("assessment-status"));
    opened = opened.substring(0, opened.indexOf("</dl>"));
    assertThat(opened).contains("测试督查").doesNotContain("tducha");
  }

  @Test
  void theDepartmentPageOffersTheReviewToItsHeadOnly() throws Exception {
    hospital.ensure();
    AssessmentBooks.Book book = books.issued("确认入口任务书", EngineClock.today().getYear());
    mvc.perform(
            post("/assessments")
                .with(user(hospital.user("tducha")))
                .with(csrf())
                .param("bookId", book.bookId().toString())
                .param("weight_" + book.partyArea(), "40")
                .param("weight_" + book.medicalArea(), "60"))
        .andExpect(status().is3xxRedirection());
    Assessment assessment = assessments.findByTaskBookId(book.bookId()).orElseThrow();
    String page =
        "/assessments/"
            + assessment.getId()
            + "/departments/"
            + hospital.department("tmedical").getId();

    assertThat(html(page, "tmedhead")).contains("id=\"review-link\"");
    assertThat(html(page, "tmedstaff")).doesNotContain("id=\"review-link\"");
  }

  private String html(String path, String username) throws Exception {
    return mvc.perform(get(path).with(user(hospital.user(username))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
