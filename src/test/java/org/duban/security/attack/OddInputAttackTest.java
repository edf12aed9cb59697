package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.duban.IssuedItemFixture.IssuedItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Input that looks like SQL in searches and filters, HTTP methods a page does not take, and the
 * header that pins HTTPS: each answered plainly, nothing leaks or changes.
 */
@Attack(AttackCategory.ODD_INPUT)
class OddInputAttackTest extends AttackTestSupport {

  static final String SQL = "' OR '1'='1' -- ";

  @Autowired AttackScenes scenes;

  @Test
  void sqlInTheAuditSearchFindsNothingAndBreaksNothing() throws Exception {
    String actor =
        jdbc.queryForObject(
            "select max(actor) from audit_event where actor like 't%' and actor <> 'tadmin'",
            String.class);
    assertThat(actor).as("an actor of the audit log to search for").isNotNull();
    // positive control: searching for a real actor lists their events
    assertThat(
            mvc.perform(get("/admin/audit").param("actor", actor).with(as("tadmin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
        .contains(actor);
    DatabaseState before = databaseState();
    String page =
        mvc.perform(
                get("/admin/audit")
                    .param("actor", SQL)
                    .param("words", SQL + "; drop table audit_event; --")
                    .with(as("tadmin")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).doesNotContain(actor);
    assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isPositive();
    assertNothingChangedSince(before);
  }

  @Test
  void sqlInThePeopleSearchFindsNobody() throws Exception {
    String page =
        mvc.perform(get("/admin/people").param("q", SQL).with(as("tadmin")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).doesNotContain("tmedhead").doesNotContain("测试医务主任");
    assertThat(page(get("/admin/people").param("q", "测试医务主任").with(as("tadmin"))))
        .contains("tmedhead");
  }

  @Test
  void sqlInTheBoardsFiltersIsARefusedFilterNotAnError() throws Exception {
    // positive control: the same filters with values of their kind draw the board
    mvc.perform(
            get("/board/items")
                .param("show", "RED")
                .param("department", "1")
                .param("book", "1")
                .param("year", "2026")
                .param("leader", "1")
                .with(as("tducha")))
        .andExpect(status().isOk());
    DatabaseState before = databaseState();
    for (String parameter : new String[] {"department", "book", "year", "leader"}) {
      int status =
          mvc.perform(get("/board/items").param(parameter, "1 OR 1=1").with(as("tducha")))
              .andReturn()
              .getResponse()
              .getStatus();
      assertThat(status).as(parameter).isEqualTo(400);
    }
    int status =
        mvc.perform(get("/board/items").param("show", SQL).with(as("tducha")))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(status).isEqualTo(400);
    // the area is a name, not a number: SQL in it is a name no area has
    String page =
        mvc.perform(get("/board/items").param("area", SQL).param("year", "").with(as("tducha")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).contains("暂无事项");
    assertNothingChangedSince(before);
  }

  @Test
  void methodsAPageDoesNotTakeAreRefusedAndChangeNothing() throws Exception {
    IssuedItem item = scenes.awaitingClaim("方法篡改");
    String task = scenes.openTaskId(item, "claimItem");
    DatabaseState before = databaseState();
    mvc.perform(delete("/books/{id}", item.bookId()).with(as("tleader")).with(csrf()))
        .andExpect(status().isMethodNotAllowed());
    mvc.perform(
            put("/tasks/{id}", task)
                .with(as("tmedhead"))
                .with(csrf())
                .param("claimDecision", "claim"))
        .andExpect(status().isMethodNotAllowed());
    mvc.perform(delete("/items/{id}", item.itemId()).with(as("tleader")).with(csrf()))
        .andExpect(status().isMethodNotAllowed());
    // a state change asked for with GET does not happen
    mvc.perform(get("/supervision/sweep").with(as("tducha")))
        .andExpect(status().isMethodNotAllowed());
    mvc.perform(get("/inbox/read-all").with(as("tmedhead"))).andExpect(status().is4xxClientError());
    assertNothingChangedSince(before);
    assertThat(currentTask(task).getAssignee()).isNull();
  }

  @Test
  void aMethodOverrideInAParameterOrHeaderIsIgnored() throws Exception {
    AttackScenes.Draft draft = scenes.draft("方法覆盖");
    DatabaseState before = databaseState();
    int status =
        mvc.perform(
                post("/books/{id}", draft.bookId())
                    .param("_method", "DELETE")
                    .header("X-HTTP-Method-Override", "DELETE")
                    .with(as("tleader"))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(status).isEqualTo(405);
    assertNothingChangedSince(before);
  }

  @Test
  void overHttpsPagesPinHttps() throws Exception {
    mvc.perform(get("/tasks").secure(true).with(as("tmedhead")))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string(
                    "Strict-Transport-Security", org.hamcrest.Matchers.containsString("max-age=")));
    // control: the header is the HTTPS answer's (a browser ignores it over plain HTTP, and it is
    // not sent)
    mvc.perform(get("/tasks").secure(false).with(as("tmedhead")))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Strict-Transport-Security"));
  }
}
