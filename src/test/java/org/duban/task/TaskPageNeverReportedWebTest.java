package org.duban.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Map;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.WebTestSupport;
import org.duban.checkin.CheckInService;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task page shows an item's progress by the same rule as the item page and the board: 未填报 for
 * an item that has never submitted a check-in, not 0%; a reported 0% stays 0%.
 */
class TaskPageNeverReportedWebTest extends WebTestSupport {

  @Autowired CheckInService checkIns;

  private String claimTaskPage(IssuedItem item) throws Exception {
    String taskId = fixture.openTask(item, "claimItem").getId();
    return mvc.perform(get("/tasks/{id}", taskId).param("lang", "zh_CN").with(as("tmedhead")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void anItemThatNeverReportedSaysNotReportedOnItsTaskPage() throws Exception {
    // Given an item just issued, which has never submitted a check-in
    IssuedItem item = fixture.issuedItem("任务页未填报事项");

    // When its lead department opens the claim task, Then its progress reads 未填报, not 0%
    assertThat(claimTaskPage(item))
        .containsPattern("id=\"item-progress\">\\s*未填报")
        .doesNotContainPattern("id=\"item-progress\">\\s*0%");
  }

  @Test
  void anItemThatReportedZeroPercentShowsZeroPercentOnItsTaskPage() throws Exception {
    // Given an item that submitted a check-in of 0% (the positive control of the above)
    IssuedItem item = fixture.issuedItem("任务页填报零的事项");
    checkIns.submit(
        item.itemId(),
        YearMonth.from(EngineClock.today()).toString(),
        0,
        Map.of(),
        "尚未启动",
        null,
        "tmedhead");

    // Then its task page shows the reported 0%
    assertThat(claimTaskPage(item)).containsPattern("id=\"item-progress\">\\s*0%");
  }
}
