package org.duban.light;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.TestClock;
import org.duban.WebTestSupport;
import org.duban.book.Light;
import org.duban.book.TaskBook;
import org.duban.book.TaskBookFormData;
import org.duban.book.TaskBookService;
import org.duban.book.WorkItemFormData;
import org.duban.book.WorkItemRepository;
import org.duban.checkin.CheckInRounds;
import org.duban.checkin.CheckInService;
import org.duban.supervision.SupervisionQueries;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 序时进度 runs from the item's own start, and an item is first lit after its first round (issue 15,
 * point 7): an item issued in the last quarter of a book for the year is not red on its first
 * sweep; an item that never reported says 未填报 on the item page, the board and its light's figures,
 * and is lit before its first round has closed only when its deadline has passed.
 */
class ItemStartAndFirstLightWebTest extends WebTestSupport {

  @Autowired TaskBookService taskBooks;
  @Autowired WorkTasks workTasks;
  @Autowired WeeklySupervisionService supervision;
  @Autowired SupervisionQueries supervisionQueries;
  @Autowired LightFactsCalculator lightFacts;
  @Autowired CheckInRounds rounds;
  @Autowired CheckInService checkIns;
  @Autowired WorkItemRepository workItems;
  @Autowired RuntimeService runtimeService;

  @BeforeEach
  void noSweepRunning() {
    NoSweepRunning.ensure(supervision, runtimeService);
  }

  @AfterEach
  void realTimeAgain() {
    TestClock.reset();
  }

  static void setClock(String at) {
    TestClock.at(at);
  }

  /** A book for the whole of 2026, issued today with one item due on 31 December. */
  IssuedItem issuedInBookOf2026(String title, LocalDate deadline) {
    TaskBookFormData data = new TaskBookFormData();
    data.setTitle(title + "任务书");
    data.setYear(2026);
    data.setPeriodStart(LocalDate.of(2026, 1, 1));
    data.setPeriodEnd(LocalDate.of(2026, 12, 31));
    data.setGoalAreas("医疗服务");
    TaskBook book = taskBooks.createDraft(data, hospital.user(IssuedItemFixture.ISSUER));
    WorkItemFormData form = fixture.itemForm(book, "1", title);
    form.setDeadline(deadline);
    Long itemId =
        taskBooks.addItem(book.getId(), form, hospital.user(IssuedItemFixture.ISSUER)).getId();
    IssuedItem issued = new IssuedItem(book.getId(), itemId);
    workTasks.complete(
        fixture.openBookTask(issued, "draftTaskBook").getId(),
        Map.of(),
        hospital.user(IssuedItemFixture.ISSUER));
    workTasks.complete(
        fixture.openBookTask(issued, "reviewTaskBook").getId(),
        Map.of("reviewDecision", "approve"),
        hospital.user(IssuedItemFixture.REVIEWER));
    return issued;
  }

  List<LightAssessment> lights(IssuedItem item) {
    return supervisionQueries.lightsOf(item.itemId());
  }

  String page(String path, String username) throws Exception {
    return mvc.perform(get(path).with(as(username)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  String itemPage(IssuedItem item) throws Exception {
    return page("/items/" + item.itemId() + "?lang=zh_CN", "tmedhead");
  }

  String boardItems(IssuedItem item) throws Exception {
    return page("/board/items?show=ALL&year=&book=" + item.bookId() + "&lang=zh_CN", "tleader");
  }

  @Test
  void anItemIssuedInTheLastQuarterHasItsOwnTimeAndIsNotRedOnItsFirstSweep() throws Exception {
    // Given an item issued on 15 October 2026 in a book for 2026, due on 31 December
    setClock("2026-10-15T10:00");
    IssuedItem item = issuedInBookOf2026("四季度下达的事项", LocalDate.of(2026, 12, 31));

    // Then on Monday 19 October its 序时进度 is 4 of its 77 days (5%), not 291 of the book's 364 days
    setClock("2026-10-19T08:30");
    assertThat(lightFacts.factsOf(item.itemId()).expectedProgress()).isEqualTo(5);

    // When that Monday's sweep runs, before any round has asked the item
    supervision.runToEnd("system");

    // Then the item has no light yet, and says it has not reported
    assertThat(workItems.findById(item.itemId()).orElseThrow().getLight()).isNull();
    assertThat(lights(item)).isEmpty();
    assertThat(itemPage(item)).contains("尚未评估").containsPattern("id=\"item-progress\">\\s*未填报");

    // When the round of Monday 2 November asks for October and the department reports 20% on 3
    // November
    setClock("2026-11-02T08:00");
    rounds.openNow("tducha");
    setClock("2026-11-03T10:00");
    workTasks.complete(
        fixture.openCheckInTask(item).getId(),
        Map.of("percentDone", BigDecimal.valueOf(20), "narrative", "十月启动"),
        hospital.user("tmedhead"));

    // and the sweep of Monday 9 November runs
    setClock("2026-11-09T08:30");
    supervision.runToEnd("system");

    // Then its first light holds it against 25 of its 77 days (32%): behind, but not red
    LightAssessment first = lights(item).get(0);
    assertThat(first.getExpectedProgress()).isEqualTo(32);
    assertThat(first.getReportedProgress()).isEqualTo(20);
    assertThat(first.getLight()).isEqualTo(Light.YELLOW);
    assertThat(first.getRule()).isEqualTo("GAP_10");
    assertThat(first.isNeverReported()).isFalse();
    assertThat(itemPage(item)).contains("序时进度 32%，填报进度 20%", "距上次填报 6 天");
  }

  @Test
  void anItemNeverReportedSaysSoAndIsFirstLitAfterItsFirstRoundClosed() throws Exception {
    // Given an item issued on Monday 2 March 2026
    setClock("2026-03-02T09:00");
    IssuedItem item = fixture.issuedItem("从未填报的事项");

    // When the sweeps of 2 and 9 March run, before its first round
    supervision.runToEnd("system");
    setClock("2026-03-09T08:30");
    supervision.runToEnd("system");

    // Then it has no light, and the item page and the board say 未填报 rather than 0%
    assertThat(lights(item)).isEmpty();
    assertThat(itemPage(item)).containsPattern("id=\"item-progress\">\\s*未填报");
    assertThat(boardItems(item)).contains("未填报").doesNotContain(">0%<");

    // When its first round (opened on 1 April, asking for March) closes without its check-in
    setClock("2026-04-01T08:00");
    rounds.openNow("tducha");
    setClock("2026-04-13T09:00");
    checkIns.recordMissed(item.itemId(), "2026-03");
    supervision.runToEnd("system");

    // Then it is lit, and its light's figures say it has never reported instead of "0 天"
    LightAssessment light = lights(item).get(0);
    assertThat(light.getRule()).isEqualTo("MISSED_1");
    assertThat(light.isNeverReported()).isTrue();
    assertThat(itemPage(item)).contains("漏报 1 次", "，未填报，").doesNotContain("距上次填报");
    assertThat(boardItems(item)).contains("未填报");
  }

  @Test
  void anItemNeverReportedIsLitAsSoonAsItsDeadlineHasPassed() throws Exception {
    // Given an item issued on Monday 7 December 2026, due on Thursday 17 December
    setClock("2026-12-07T09:00");
    IssuedItem item = issuedInBookOf2026("年底到期的事项", LocalDate.of(2026, 12, 17));

    // When the sweep of Monday 21 December runs, its deadline passed and no round has asked it yet
    setClock("2026-12-21T08:30");
    supervision.runToEnd("system");

    // Then it is red for its deadline, and its figures say it never reported
    LightAssessment light = lights(item).get(0);
    assertThat(light.getLight()).isEqualTo(Light.RED);
    assertThat(light.getRule()).isEqualTo("OVERDUE");
    assertThat(light.isNeverReported()).isTrue();
    assertThat(itemPage(item)).contains("已超过完成时限 4 天，未填报，漏报 0 次");
  }
}
