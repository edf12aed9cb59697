package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.Page;
import org.duban.WebTestSupport;
import org.duban.checkin.CheckInRounds;
import org.duban.infrastructure.EngineClock;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages a department head uses on the ward phone (inbox, task form, check-in form, item page)
 * are ready for a 360–414px screen without script: the viewport is the device's, every cell of
 * their tables carries the label the stylesheet shows when a table becomes stacked cards, and the
 * stylesheet has the narrow-screen rules (cards, full-width inputs, touch-size buttons, wrapping
 * nav). Screenshots in Chromium at 390x844 were looked at by hand; this test keeps what they relied
 * on.
 */
class MobilePagesWebTest extends WebTestSupport {

  @Autowired WorkTasks workTasks;
  @Autowired CheckInRounds checkInRounds;

  private Page page(String url, String username, Object... vars) throws Exception {
    return Page.of(
        mvc.perform(get(url, vars).with(as(username))).andExpect(status().isOk()).andReturn());
  }

  @Test
  void theInboxTaskFormCheckInFormAndItemPageLabelEveryTableCellForPhones() throws Exception {
    // Given an issued item waiting to be claimed
    IssuedItem item = fixture.issuedItem("手机页面事项");
    String claimTask = fixture.openTask(item, "claimItem").getId();

    // Then the inbox lists it with every cell labelled, the action cell too, and the device's
    // viewport
    Page inbox = page("/tasks", "tmedhead");
    assertThat(inbox.html())
        .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    assertThat(inbox.listCells()).isPositive();
    assertThat(inbox.unlabelledListCells()).isEmpty();
    assertThat(inbox.html()).contains("class=\"row-actions\" data-label=\"操作\"");
    // and the claim form is a task form (full-width inputs on a phone)
    assertThat(page("/tasks/{id}", "tmedhead", claimTask).html()).contains("class=\"task-form\"");

    // When it is claimed, broken down and this month's check-in is open
    workTasks.complete(claimTask, Map.of("claimDecision", "claim"), hospital.user("tmedhead"));
    workTasks.complete(
        fixture.openTask(item, "breakDownItem").getId(),
        Map.of(
            "subTasks",
            List.of(
                Map.of(
                    "title",
                    "梳理流程",
                    "assignee",
                    "user:tmedstaff",
                    "dueDate",
                    EngineClock.today().plusDays(10)))),
        hospital.user("tmedhead"));
    checkInRounds.openNow("tducha");

    // Then the check-in form renders as a task form with its readings, and the item page's tables
    // (sub-tasks among them) label every cell
    Page checkIn = page("/tasks/{id}", "tmedhead", fixture.openCheckInTask(item).getId());
    assertThat(checkIn.html()).contains("class=\"task-form\"");
    assertThat(checkIn.hasControl("percentDone")).isTrue();
    assertThat(checkIn.unlabelledListCells()).isEmpty();
    Page itemPage = page("/items/{id}", "tmedhead", item.itemId());
    assertThat(itemPage.listCells()).isPositive();
    assertThat(itemPage.unlabelledListCells()).isEmpty();
  }

  @Test
  void theStylesheetTurnsTablesIntoLabelledCardsAndSizesControlsForTouchOnNarrowScreens()
      throws Exception {
    String css =
        mvc.perform(get("/css/duban.css").with(as("tmedhead")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String narrow = css.substring(css.indexOf("@media (max-width: 700px)"));
    narrow = narrow.substring(0, narrow.indexOf("\n}\n"));
    assertThat(narrow)
        // tables become cards, each cell preceded by its label
        .contains("table.list thead { display: none; }", "content: attr(data-label)")
        // the top nav wraps into its own row of touch-size links
        .contains("header.top nav { order: 3; flex-basis: 100%;", "min-height: 2.5rem")
        // inputs take the full width at a size phones do not zoom into; buttons are 44px high
        .contains("width: 100%; box-sizing: border-box; min-height: 2.75rem; font-size: 16px;")
        .contains("button, .button { min-height: 2.75rem;");
  }
}
