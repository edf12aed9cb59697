package org.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.TestClock;
import org.duban.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * /admin/calendar: an admin keeps the holidays; edits reach the {@code workCalendar} bean at once;
 * a bad pasted line is named and nothing is written; others may not even look. Uses years nobody
 * else's tests depend on (2030-2034).
 */
class CalendarAdminWebTest extends WebTestSupport {

  @Autowired WorkCalendar workCalendar;
  @Autowired CalendarAdmin admin;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  String html(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  List<String> rowsOf(int year) {
    return admin.year(year).stream()
        .map(d -> d.getDate() + "," + d.getKind() + "," + d.getName())
        .toList();
  }

  @Test
  void theSeededYearsAreShownAnd2027IsMarkedProvisional() throws Exception {
    String y2027 = html(get("/admin/calendar").param("year", "2027").with(as("tadmin")));
    assertThat(y2027).contains("2027-02-05", "春节", "预估，待核对", "provisional-warning");

    String y2026 = html(get("/admin/calendar").param("year", "2026").with(as("tadmin")));
    assertThat(y2026)
        .contains("2026-02-14", "调休上班", "国务院办公厅关于2026年部分节假日安排的通知")
        .contains("2026年共有 248 个工作日")
        .doesNotContain("预估，待核对");
    // the admin finds the page through the admin hub in the navigation (AdminHubWebTest)
    assertThat(y2026).contains("href=\"/admin\"");
  }

  @Test
  void anAdminAddsChangesAndRemovesADayAndTheCalendarFollowsAtOnce() throws Exception {
    LocalDate monday = LocalDate.parse("2030-01-07");
    assertThat(workCalendar.isWorkingDay(monday)).isTrue();

    // When the admin makes Monday a holiday
    mvc.perform(
            post("/admin/calendar/day")
                .with(as("tadmin"))
                .with(csrf())
                .param("year", "2030")
                .param("date", "2030-01-07")
                .param("kind", "HOLIDAY")
                .param("name", "测试假日")
                .param("source", "测试"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/calendar?year=2030"));
    // Then it is a rest day for everyone at once
    assertThat(workCalendar.isWorkingDay(monday)).isFalse();
    assertThat(workCalendar.addWorkingDays(LocalDate.parse("2030-01-04"), 1))
        .isEqualTo("2030-01-08");

    // When the admin changes the Saturday before into a worked day and then the Monday back
    mvc.perform(
            post("/admin/calendar/day")
                .with(as("tadmin"))
                .with(csrf())
                .param("year", "2030")
                .param("date", "2030-01-05")
                .param("kind", "WORKDAY")
                .param("name", "测试调休"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/admin/calendar/day")
                .with(as("tadmin"))
                .with(csrf())
                .param("year", "2030")
                .param("date", "2030-01-07")
                .param("kind", "WORKDAY")
                .param("name", "测试假日"))
        .andExpect(status().isOk()); // a Monday cannot be a worked weekend day: refused
    assertThat(workCalendar.isWorkingDay(LocalDate.parse("2030-01-05"))).isTrue();
    assertThat(workCalendar.isWorkingDay(monday)).isFalse();

    // When the admin removes both
    mvc.perform(
            post("/admin/calendar/day/delete")
                .with(as("tadmin"))
                .with(csrf())
                .param("date", "2030-01-07"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/admin/calendar/day/delete")
                .with(as("tadmin"))
                .with(csrf())
                .param("date", "2030-01-05"))
        .andExpect(status().is3xxRedirection());
    // Then the week is ordinary again
    assertThat(workCalendar.isWorkingDay(monday)).isTrue();
    assertThat(workCalendar.isWorkingDay(LocalDate.parse("2030-01-05"))).isFalse();
    assertThat(rowsOf(2030)).isEmpty();
  }

  @Test
  void aRefusedDayNamesTheProblemAndKeepsWhatWasTyped() throws Exception {
    String page =
        html(
            post("/admin/calendar/day")
                .with(as("tadmin"))
                .with(csrf())
                .param("year", "2030")
                .param("date", "2030-03-05")
                .param("kind", "WORKDAY")
                .param("name", ""));
    assertThat(page).contains("请填写名称").contains("2030-03-05 是周一至周五，本来就上班");
    assertThat(page).contains("value=\"2030-03-05\"");
    assertThat(rowsOf(2030)).noneMatch(row -> row.startsWith("2030-03-05"));
  }

  @Test
  void anAdminReplacesAWholeYear() throws Exception {
    // When the admin pastes a year's arrangement (with a full-width comma and a Chinese kind too)
    String lines =
        """
        2031-01-01,HOLIDAY,元旦
        2031-01-26，WORKDAY，春节
        2031-01-27,放假,春节,另行通知
        """;
    mvc.perform(
            post("/admin/calendar/year")
                .with(as("tadmin"))
                .with(csrf())
                .param("year", "2031")
                .param("lines", lines)
                .param("source", "国务院办公厅关于2031年部分节假日安排的通知"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/calendar?year=2031"));
    assertThat(rowsOf(2031))
        .containsExactly("2031-01-01,HOLIDAY,元旦", "2031-01-26,WORKDAY,春节", "2031-01-27,HOLIDAY,春节");
    assertThat(admin.year(2031))
        .extracting(CalendarDay::getSource)
        .containsExactly("国务院办公厅关于2031年部分节假日安排的通知", "国务院办公厅关于2031年部分节假日安排的通知", "另行通知");
    assertThat(workCalendar.isWorkingDay(LocalDate.parse("2031-01-26")))
        .as("a Sunday worked")
        .isTrue();

    // When the admin pastes it again, shorter, and provisional
    mvc.perform(
            post("/admin/calendar/year")
                .with(as("tadmin"))
                .with(csrf())
                .param("year", "2031")
                .param("lines", "2031-01-01,HOLIDAY,元旦\n2031-01-02,HOLIDAY,元旦")
                .param("provisional", "true"))
        .andExpect(status().is3xxRedirection());
    // Then the year holds exactly the new lines
    assertThat(rowsOf(2031)).containsExactly("2031-01-01,HOLIDAY,元旦", "2031-01-02,HOLIDAY,元旦");
    assertThat(admin.year(2031)).allMatch(CalendarDay::isProvisional);
    assertThat(workCalendar.isWorkingDay(LocalDate.parse("2031-01-26"))).isFalse();
    assertThat(html(get("/admin/calendar").param("year", "2031").with(as("tadmin"))))
        .contains("预估，待核对");
  }

  @Test
  void aBadLineIsNamedByItsNumberAndNothingIsWritten() throws Exception {
    admin.replaceYear(2032, "2032-01-01,HOLIDAY,元旦", "测试", false, "tadmin");

    // When the admin pastes lines of which three are wrong
    String lines =
        String.join(
            "\n",
            "2032-01-01,HOLIDAY,元旦",
            "2032-13-01,HOLIDAY,春节",
            "2032-02-10,HOLIDAY,春节",
            "2032-02-11,WORKDAY,春节",
            "2033-01-01,HOLIDAY,元旦",
            "2032-02-10,HOLIDAY,春节");
    String page =
        html(
            post("/admin/calendar/year")
                .with(as("tadmin"))
                .with(csrf())
                .param("year", "2032")
                .param("lines", lines));

    // Then each problem names its line, in Chinese, and the pasted text is still there
    assertThat(page)
        .contains("第2行：日期“2032-13-01”无法识别")
        .contains("第4行：2032-02-11 是周一至周五，本来就上班")
        .contains("第5行：2033-01-01 不在 2032 年内")
        .contains("第6行：2032-02-10 与第3行重复")
        .doesNotContain("第1行")
        .doesNotContain("第3行：")
        .contains("2032-13-01,HOLIDAY,春节");
    // And the year is as before
    assertThat(rowsOf(2032)).containsExactly("2032-01-01,HOLIDAY,元旦");
  }

  @Test
  void theEnginesTimersCountTheDaysTheAdminKeeps() throws Exception {
    // Given the app's engine at Friday 2034-01-06 10:00 and a model with a 5-working-day deadline
    String deployment =
        repository
            .createDeployment()
            .addClasspathResource("calendar/working-day-timers.bpmn")
            .deploy()
            .getId();
    TestClock.at(
        Date.from(
            LocalDateTime.parse("2034-01-06T10:00").atZone(ZoneId.systemDefault()).toInstant()));
    try {
      ProcessInstance before = runtime.startProcessInstanceByKey("workingDayDeadline");
      assertThat(deadline(before)).isEqualTo("2034-01-13T10:00");

      // When the admin makes Tuesday 10th a holiday
      mvc.perform(
              post("/admin/calendar/day")
                  .with(as("tadmin"))
                  .with(csrf())
                  .param("year", "2034")
                  .param("date", "2034-01-10")
                  .param("kind", "HOLIDAY")
                  .param("name", "测试假日"))
          .andExpect(status().is3xxRedirection());

      // Then a deadline set from now on skips it
      ProcessInstance after = runtime.startProcessInstanceByKey("workingDayDeadline");
      assertThat(deadline(after)).isEqualTo("2034-01-16T10:00");
    } finally {
      TestClock.reset();
      repository.deleteDeployment(deployment, true);
      admin.removeDay(LocalDate.parse("2034-01-10"), "tadmin");
    }
  }

  LocalDateTime deadline(ProcessInstance instance) {
    Date due =
        management
            .createJobQuery()
            .processInstanceId(instance.getId())
            .activityId("deadline")
            .singleResult()
            .getDuedate();
    return LocalDateTime.ofInstant(due.toInstant(), ZoneId.systemDefault());
  }

  @Test
  void onlyAdminsMayLookOrEdit() throws Exception {
    admin.replaceYear(2033, "2033-01-03,HOLIDAY,元旦", "测试", false, "tadmin");

    mvc.perform(get("/admin/calendar").with(as("tducha"))).andExpect(status().isForbidden());
    mvc.perform(
            post("/admin/calendar/year")
                .with(as("tleader"))
                .with(csrf())
                .param("year", "2033")
                .param("lines", "2033-01-04,HOLIDAY,元旦"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/admin/calendar/day/delete")
                .with(as("tmedhead"))
                .with(csrf())
                .param("date", "2033-01-03"))
        .andExpect(status().isForbidden());

    assertThat(rowsOf(2033)).containsExactly("2033-01-03,HOLIDAY,元旦");
    // and the navigation shows no calendar link to them
    String home = html(get("/tasks").with(as("tducha")));
    assertThat(home).doesNotContain("href=\"/admin/calendar\"");
  }
}
