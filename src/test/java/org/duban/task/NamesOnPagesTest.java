package org.duban.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.WebTestSupport;
import org.duban.WorkbookTexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * People by name (姓名) on the pages people work with, never by log-in: the task page's recent steps,
 * the item's history, the decomposition export. 王建国 logs in as {@code opd.wang}; 测试分管院长 as {@code
 * tincharge}.
 */
class NamesOnPagesTest extends WebTestSupport {

  @Autowired OutpatientOffice office;
  @Autowired WorkTasks workTasks;

  @BeforeEach
  void office() {
    office.ensure();
  }

  @Test
  void theTaskPagesRecentStepsAndTheItemsHistoryNameWhoDidEachStep() throws Exception {
    // Given an item of 测试门诊部 its head 王建国 (opd.wang) claimed
    IssuedItem item = fixture.issuedItemLedBy("门诊人次统计", OutpatientOffice.CODE);
    workTasks.complete(
        fixture.openTask(item, "claimItem").getId(),
        Map.of("claimDecision", "claim"),
        hospital.user(OutpatientOffice.HEAD));
    String breakDown = fixture.openTask(item, "breakDownItem").getId();

    // When the deputy opens the breakdown, Then its recent steps say 王建国, not opd.wang
    String taskPage = html("/tasks/" + breakDown, OutpatientOffice.DEPUTY);
    String recent = section(taskPage, "class=\"context recent\"", "</ol>");
    assertThat(recent).contains(OutpatientOffice.HEAD_NAME).doesNotContain(OutpatientOffice.HEAD);

    // And the item's page and history say 王建国 and never show the log-in
    String itemPage = html("/items/" + item.itemId(), OutpatientOffice.DEPUTY);
    assertThat(itemPage).contains(OutpatientOffice.HEAD_NAME).doesNotContain(OutpatientOffice.HEAD);
  }

  @Test
  void theDecompositionExportNamesTheLeaderInCharge() throws Exception {
    IssuedItem item = fixture.issuedItem("导出姓名事项");
    byte[] xlsx =
        mvc.perform(
                get("/books/{id}/export.xlsx", item.bookId())
                    .with(user(hospital.user(IssuedItemFixture.ISSUER))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(WorkbookTexts.of(xlsx)).contains("测试分管院长").doesNotContain("tincharge");
  }

  private String html(String path, String username) throws Exception {
    return mvc.perform(get(path).with(user(hospital.user(username))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static String section(String html, String start, String end) {
    int from = html.indexOf(start);
    assertThat(from).as("section %s on the page", start).isNotNegative();
    int to = html.indexOf(end, from);
    return html.substring(from, to < 0 ? html.length() : to);
  }
}
