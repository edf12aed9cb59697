package org.duban.urge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.Page;
import org.duban.WebTestSupport;
import org.duban.book.TaskBook;
import org.duban.book.WorkItem;
import org.duban.checkin.CheckInRounds;
import org.duban.infrastructure.EngineClock;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.ItemHistory;
import org.duban.notification.Recipients;
import org.duban.org.EngineIdentitySync;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 催办 on the item page: the supervision office and the book's issuer urge an open item; the lead
 * department and others get 403; an urge is recorded, shown in the item's history and sent through
 * the real notifier (its inbox rows) to the lead department's heads and the holders of the item's
 * open tasks; the daily limits and a bad message record nothing.
 */
class UrgeWebTest extends WebTestSupport {

  @Autowired UrgeService urges;
  @Autowired ItemHistory history;
  @Autowired WorkTasks workTasks;
  @Autowired PersonRepository people;
  @Autowired EngineIdentitySync identitySync;
  @Autowired JdbcTemplate jdbc;
  @Autowired CheckInRounds checkInRounds;
  @Autowired Recipients recipients;

  @Test
  void theLeadDepartmentAndOthersMayNotUrgeAndSeeNoUrgeForm() throws Exception {
    IssuedItem item = fixture.issuedItem("催办权限事项");

    // When the lead department's head or staff, a collaborating department or a leader who did not
    // issue the book urges, Then it is refused and nothing is recorded
    for (String username : List.of("tmedhead", "tmedstaff", "tithead", "treviewer")) {
      urge(item, username, "请加快进度").andExpect(status().isForbidden());
    }
    assertThat(urges.ofItem(item.itemId())).isEmpty();

    // And without the form's CSRF token even the office is refused
    mvc.perform(
            post("/items/{id}/urge", item.itemId()).with(as("tducha")).param("message", "请加快进度"))
        .andExpect(status().isForbidden());
    assertThat(urges.ofItem(item.itemId())).isEmpty();

    // And an item not issued yet (a draft's) is not urged, by the office either
    WorkItem draft = fixture.addItem(fixture.draft("催办草稿任务书"), "1", "草稿事项");
    mvc.perform(
            post("/items/{id}/urge", draft.getId())
                .with(as("tducha"))
                .with(csrf())
                .param("message", "请加快进度"))
        .andExpect(status().isForbidden());
    assertThat(urges.ofItem(draft.getId())).isEmpty();

    // And the item page shows them no urge form, but shows it to the office and the issuer
    assertThat(itemPage(item, "tmedhead").hasControl("message")).isFalse();
    assertThat(itemPage(item, "treviewer").hasControl("message")).isFalse();
    String officePage = itemPage(item, "tducha").html();
    assertThat(officePage.split("id=\"urge-message\"", -1)).as("one urge form").hasSize(2);
    assertThat(officePage)
        .as("folded until opened")
        .contains("<details id=\"urge\" class=\"card urge\">");
    assertThat(itemPage(item, "tleader").hasControl("message")).isTrue();
  }

  @Test
  void anUrgeIsRecordedInTheHistoryAndSentToTheHeadsAndTheHoldersOfOpenTasks() throws Exception {
    // Given an item broken down into a sub-task for a staff member and one for a collaborating
    // department
    IssuedItem item = fixture.issuedItem("催办通知事项");
    workTasks.complete(
        fixture.openTask(item, "claimItem").getId(),
        Map.of("claimDecision", "claim"),
        hospital.user("tmedhead"));
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
                    EngineClock.today().plusDays(10)),
                Map.of(
                    "title",
                    "系统改造",
                    "assignee",
                    "dept:" + hospital.department("tit").getId(),
                    "dueDate",
                    EngineClock.today().plusDays(20)))),
        hospital.user("tmedhead"));

    // When the office urges it
    urge(item, "tducha", "  本周五前报送进展  ")
        .andExpect(redirectedUrl("/items/" + item.itemId() + "#urge"))
        .andExpect(flash().attribute("urgeDone", true));

    // Then the urge is recorded with the message as typed, without surrounding blanks
    Urge urge = single(urges.ofItem(item.itemId()));
    assertThat(urge.getUrger()).isEqualTo("tducha");
    assertThat(urge.getMessage()).isEqualTo("本周五前报送进展");
    assertThat(urge.getUrgeDay()).isEqualTo(EngineClock.today());

    // And it is in the item's history, and on its page
    assertThat(history.ofItem(item.itemId()))
        .filteredOn(e -> e.getKind().equals("ITEM_URGED"))
        .extracting(ItemEvent::getActor, ItemEvent::getDetail)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("tducha", "本周五前报送进展"));
    assertThat(itemPage(item, "tducha").html()).contains("催办", "本周五前报送进展");

    // And one URGE message went to the department's head, the staff member and the members of the
    // collaborating department who hold the open sub-tasks, with a link to the item
    String eventKey = "urge-" + urge.getId();
    assertThat(
            jdbc.queryForList(
                "select recipient from inbox_entry where event_key = ?", String.class, eventKey))
        .containsExactlyInAnyOrderElementsOf(expected("tmedstaff", "dept_tit"));
    Map<String, Object> message =
        jdbc.queryForMap(
            "select kind, work_item_id, title, body, link from notification_message where event_key = ?",
            eventKey);
    assertThat(message.get("KIND")).isEqualTo("URGE");
    assertThat(((Number) message.get("WORK_ITEM_ID")).longValue()).isEqualTo(item.itemId());
    assertThat((String) message.get("TITLE")).isEqualTo("催办：1. 催办通知事项");
    assertThat((String) message.get("BODY")).isEqualTo("测试督查对“1. 催办通知事项”催办：本周五前报送进展");
    assertThat(message.get("LINK")).isEqualTo("/items/" + item.itemId());

    // When the book's issuer urges the same item on the same day, Then that is a second urge
    urge(item, "tleader", "请分管领导关注").andExpect(flash().attribute("urgeDone", true));
    assertThat(urges.ofItem(item.itemId()))
        .extracting(Urge::getUrger)
        .containsExactly("tducha", "tleader");
  }

  @Test
  void whoeverHoldsTheItemsMonthlyCheckInIsToldToo() throws Exception {
    // Given an item whose only sub-task is the collaborating department's, and this month's
    // check-in
    // round open: the check-in task waits for the lead department's group, in a round of all items
    IssuedItem item = fixture.issuedItem("催办填报事项");
    workTasks.complete(
        fixture.openTask(item, "claimItem").getId(),
        Map.of("claimDecision", "claim"),
        hospital.user("tmedhead"));
    workTasks.complete(
        fixture.openTask(item, "breakDownItem").getId(),
        Map.of(
            "subTasks",
            List.of(
                Map.of(
                    "title",
                    "系统改造",
                    "assignee",
                    "dept:" + hospital.department("tit").getId(),
                    "dueDate",
                    EngineClock.today().plusDays(20)))),
        hospital.user("tmedhead"));
    checkInRounds.openNow("tducha");
    assertThat(fixture.openCheckInTask(item)).isNotNull();

    // When the office urges it
    urge(item, "tducha", "请按时填报本月进展").andExpect(flash().attribute("urgeDone", true));

    // Then the lead department's members who may fill in the check-in are told, besides the head
    // and
    // the collaborating department holding the sub-task
    Urge urge = single(urges.ofItem(item.itemId()));
    assertThat(
            jdbc.queryForList(
                "select recipient from inbox_entry where event_key = ?",
                String.class,
                "urge-" + urge.getId()))
        .contains("tmedstaff")
        .containsExactlyInAnyOrderElementsOf(expected(null, "dept_tit", "dept_tmedical"));
  }

  @Test
  void oneUrgePerItemAndUrgerAndDayAndTheDailyLimitRecordNothingMore() throws Exception {
    // Given an urger of the supervision office who has urged nothing yet today, and 21 open items
    String urger = newSupervisor();
    List<IssuedItem> items = issuedItems(21);

    // When they urge the first item twice, Then the second is refused with its reason
    urge(items.get(0), urger, "请尽快推进").andExpect(flash().attribute("urgeDone", true));
    urge(items.get(0), urger, "再次催办")
        .andExpect(redirectedUrl("/items/" + items.get(0).itemId() + "#urge"))
        .andExpect(flash().attribute("urgeWarning", "urge.limit.item"));
    assertThat(urges.ofItem(items.get(0).itemId())).hasSize(1);

    // When they urge nineteen more items, Then all are recorded: twenty today
    for (IssuedItem item : items.subList(1, 20)) {
      urge(item, urger, "请尽快推进").andExpect(flash().attribute("urgeDone", true));
    }

    // When they urge a twenty-first, Then it is refused and nothing is recorded or sent
    long inboxBefore = jdbc.queryForObject("select count(*) from inbox_entry", Long.class);
    var refused =
        urge(items.get(20), urger, "请尽快推进")
            .andExpect(flash().attribute("urgeWarning", "urge.limit.daily"))
            .andReturn();
    assertThat(urges.ofItem(items.get(20).itemId())).isEmpty();
    assertThat(history.ofItem(items.get(20).itemId()))
        .noneMatch(e -> e.getKind().equals("ITEM_URGED"));
    assertThat(jdbc.queryForObject("select count(*) from inbox_entry", Long.class))
        .isEqualTo(inboxBefore);

    // And the item page tells why, in Chinese
    Page page =
        Page.of(
            mvc.perform(
                    get("/items/{id}", items.get(20).itemId())
                        .with(as(urger))
                        .cookie(refused.getResponse().getCookie("JSESSIONID")))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(page.texts("warning")).contains("今天的催办次数已达上限（每人每天最多20次），请明天再催办");
    assertThat(page.html()).contains("<details id=\"urge\" class=\"card urge\" open=\"open\">");
  }

  @Test
  void aMissingOrTooLongMessageIsRefusedWithItsReason() throws Exception {
    IssuedItem item = fixture.issuedItem("催办内容校验");

    urge(item, "tducha", "   ")
        .andExpect(flash().attribute("urgeWarning", "urge.message.required"));
    urge(item, "tducha", "催".repeat(501))
        .andExpect(flash().attribute("urgeWarning", "urge.message.tooLong"))
        .andExpect(flash().attribute("urgeMessage", "催".repeat(501)));
    assertThat(urges.ofItem(item.itemId())).isEmpty();

    // And exactly 500 characters are fine
    urge(item, "tducha", "催".repeat(500)).andExpect(flash().attribute("urgeDone", true));
    assertThat(urges.ofItem(item.itemId())).hasSize(1);
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The medical department's heads, an assignee and the members of candidate groups, as the
   * hospital stands now (other tests of the shared context may add people to its departments).
   */
  private Set<String> expected(String assignee, String... groups) {
    Set<String> expected =
        new HashSet<>(recipients.headsOf(hospital.department("tmedical").getId()));
    if (assignee != null) {
      expected.add(assignee);
    }
    for (String group : groups) {
      expected.addAll(recipients.ofGroup(group));
    }
    assertThat(expected).contains("tmedhead", "tithead");
    return expected;
  }

  private ResultActions urge(IssuedItem item, String username, String message) throws Exception {
    return mvc.perform(
        post("/items/{id}/urge", item.itemId())
            .with(as(username))
            .with(csrf())
            .param("message", message));
  }

  private Page itemPage(IssuedItem item, String username) throws Exception {
    return Page.of(
        mvc.perform(get("/items/{id}", item.itemId()).with(as(username)))
            .andExpect(status().isOk())
            .andReturn());
  }

  private static <T> T single(List<T> list) {
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  private String newSupervisor() {
    String username = "tducha" + Long.toString(System.nanoTime() % 1_000_000, 36);
    Person person =
        people.save(
            new Person(
                username,
                "测试督查员",
                null,
                "x",
                hospital.department("tsupervision"),
                EnumSet.of(Role.SUPERVISION)));
    identitySync.syncPerson(person);
    return username;
  }

  /** One issued book with this many items, all led by 测试医务部. */
  private List<IssuedItem> issuedItems(int count) {
    TaskBook book = fixture.draft("催办上限任务书" + System.nanoTime());
    List<WorkItem> added = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      added.add(fixture.addItem(book, String.valueOf(i), "催办上限事项" + i));
    }
    String instance = book.getProcessInstanceId();
    workTasks.complete(
        taskService
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey("draftTaskBook")
            .singleResult()
            .getId(),
        Map.of(),
        hospital.user("tleader"));
    workTasks.complete(
        taskService
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey("reviewTaskBook")
            .singleResult()
            .getId(),
        Map.of("reviewDecision", "approve"),
        hospital.user("treviewer"));
    return added.stream().map(w -> new IssuedItem(book.getId(), w.getId())).toList();
  }
}
