package org.duban.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.duban.IssuedItemFixture;
import org.duban.WebTestSupport;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookService;
import org.duban.book.WorkItemFormData;
import org.duban.book.WorkItemRepository;
import org.duban.checkin.CheckInService;
import org.duban.infrastructure.EngineClock;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15 point 13: the board tells the truth about who is behind. A department that has never
 * reported heads the ranking (it is not missing from it), and an indicator card without readings
 * names the department that has not reported them.
 */
class BoardWhoIsBehindWebTest extends WebTestSupport {

  @Autowired TaskBookService books;
  @Autowired WorkTasks workTasks;
  @Autowired WorkItemRepository workItems;
  @Autowired CheckInService checkIns;
  @Autowired TransactionTemplate transaction;

  @Test
  @SuppressWarnings("unchecked")
  void aDepartmentThatNeverReportedRanksFirstAndItsCardsSaySo() throws Exception {
    hospital.ensure();
    TaskBook book = fixture.draft("谁在落后驾驶舱");
    Long reporting = item(book, "1", "医务部按月填报的事项", "tmedical");
    item(book, "2", "护理部从未填报的事项", "tnursing");
    String instance = book.getProcessInstanceId();
    workTasks.complete(
        task(instance, "draftTaskBook"), Map.of(), hospital.user(IssuedItemFixture.ISSUER));
    workTasks.complete(
        task(instance, "reviewTaskBook"),
        Map.of("reviewDecision", "approve"),
        hospital.user(IssuedItemFixture.REVIEWER));
    Long indicator =
        transaction.execute(
            s -> workItems.findById(reporting).orElseThrow().getIndicators().get(0).getId());
    // far behind, yet it reported: the department that never did is further behind still
    checkIns.submit(
        reporting,
        java.time.YearMonth.from(EngineClock.today()).toString(),
        0,
        Map.of(indicator, new BigDecimal("7.0")),
        "刚刚开始",
        null,
        "tmedhead");

    var result =
        mvc.perform(get("/board?book=" + book.getId()).with(user(hospital.user("tleader"))))
            .andExpect(status().isOk())
            .andReturn();
    List<BoardProgress.Department> ranking =
        (List<BoardProgress.Department>) result.getModelAndView().getModel().get("progress");
    String nursing = hospital.department("tnursing").getName();
    assertThat(ranking)
        .extracting(BoardProgress.Department::label)
        .containsExactly(nursing, hospital.department("tmedical").getName());
    String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("从未填报月度进展");

    String json =
        mvc.perform(get("/board/data?book=" + book.getId()).with(user(hospital.user("tleader"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    List<Map<String, Object>> cards = JsonPath.read(json, "$.indicators");
    assertThat(cards).hasSize(2);
    for (Map<String, Object> card : cards) {
      boolean noReadings = ((List<?>) card.get("values")).isEmpty();
      assertThat(card.get("notReportedBy"))
          .as("%s", card.get("item"))
          .isEqualTo(noReadings ? nursing : null);
      assertThat(noReadings)
          .as("%s", card.get("item"))
          .isEqualTo(card.get("item").toString().contains("护理部"));
    }
    assertThat(JsonPath.<String>read(json, "$.labels['chart.notReported']")).isEqualTo("{0}尚未填报读数");
  }

  private Long item(TaskBook book, String seq, String title, String department) {
    WorkItemFormData form = fixture.itemForm(book, seq, title);
    form.setLeadDepartmentId(hospital.department(department).getId());
    form.setCollaboratorIds(List.of());
    return books.addItem(book.getId(), form, hospital.user(IssuedItemFixture.ISSUER)).getId();
  }

  private String task(String instance, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(key)
        .singleResult()
        .getId();
  }
}
