package org.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.duban.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15 point 15: a refused calendar paste shows its errors at the top of the page, where the
 * admin looks after the page comes back, not under the long list of the year's days. Uses the year
 * 2035, which no other test touches.
 */
class CalendarPasteProblemsWebTest extends WebTestSupport {

  @Autowired CalendarAdmin admin;

  @Test
  void aRefusedPasteShowsItsErrorsAtTheTopOfThePage() throws Exception {
    admin.replaceYear(2035, "2035-01-01,HOLIDAY,元旦\n2035-10-01,HOLIDAY,国庆节", "测试", false, "tadmin");

    String page =
        mvc.perform(
                post("/admin/calendar/year")
                    .with(user(hospital.user("tadmin")))
                    .with(csrf())
                    .param("year", "2035")
                    .param("lines", "2035-01-01,HOLIDAY,元旦\n2035-13-01,HOLIDAY,春节"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    int problem = page.indexOf("第2行：日期“2035-13-01”无法识别");
    assertThat(problem).as("the problem is on the page").isPositive();
    // Then the problem comes before the year's list of days and the forms, right under the title
    assertThat(problem)
        .isLessThan(page.indexOf("2035年的节假日与调休"))
        .isLessThan(page.indexOf("calendar-days"))
        .isLessThan(page.indexOf("class=\"day-form\""));
    assertThat(page.indexOf("id=\"calendar-problems\"")).isPositive().isLessThan(problem);
    assertThat(page).contains("未保存：粘贴的全年安排有 1 处问题");
    // and the pasted text is kept in the form
    assertThat(page).contains("2035-13-01,HOLIDAY,春节");
  }
}
