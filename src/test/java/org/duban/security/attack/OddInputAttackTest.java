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
    DatabaseState before = databaseState();
    String page = page(get("/admin/audit").param("actor", SQL).param("words", SQL + "; drop table audit_event; --")
        .with(as("tadmin")));
    assertThat(page).doesNotContain("tmedhead").doesNotContain("tleader");
    assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isPositive();
    assertNothingChangedSince(before);
  }

  @Test
  void sqlInThePeopleSearchFindsNobody() throws Exception {
    String page = page(get("/admin/people").param("q", SQL).with(as("tadmin")));
    assertThat(page).doesNotContain("tmedhead").doesNotContain("测试医务主任");
    assertThat(page(get("/admin/people").param("q", "测试医务主任").with(as("tadmin")))).contains("tmedhead");
  }

  @Test
  void sqlInTheBoardsFiltersIsARefusedFilterNotAnError() throws Exception {
    DatabaseState before = databaseState();
    for (String parameter : new String[] {"department", "book", "year", "leader"}) {
      int status = mvc.perform(get("/board/items").param(parameter, "1 OR 1=1").with(as("tducha"))).andReturn()
          .getResponse().getStatus();
      assertThat(status).as(parameter).isIn(200, 400);
    }
    int status = mvc.perform(get("/board/items").param("show", SQL).with(as("tducha"))).andReturn().getResponse().getStatus();
    assertThat(status).isIn(200, 400);
    assertNothingChangedSince(before);
  }

  @Test
  void methodsAPageDoesNotTakeAreRefusedAndChangeNothing() throws Exception {
    IssuedItem item = scenes.awaitingClaim("方法篡改");
    String task = scenes.openTaskId(item, "claimItem");
    DatabaseState before = databaseState();
    mvc.perform(delete("/books/{id}", item.bookId()).with(as("tleader")).with(csrf())).andExpect(status().isMethodNotAllowed());
    mvc.perform(put("/tasks/{id}", task).with(as("tmedhead")).with(csrf()).param("claimDecision", "claim"))
        .andExpect(status().isMethodNotAllowed());
    mvc.perform(delete("/items/{id}", item.itemId()).with(as("tleader")).with(csrf())).andExpect(status().isMethodNotAllowed());
    // a state change asked for with GET does not happen
    mvc.perform(get("/supervision/sweep").with(as("tducha"))).andExpect(status().isMethodNotAllowed());
    mvc.perform(get("/inbox/read-all").with(as("tmedhead"))).andExpect(status().is4xxClientError());
    assertNothingChangedSince(before);
    assertThat(currentTask(task).getAssignee()).isNull();
  }

  @Test
  void aMethodOverrideInAParameterOrHeaderIsIgnored() throws Exception {
    AttackScenes.Draft draft = scenes.draft("方法覆盖");
    DatabaseState before = databaseState();
    int status = mvc.perform(post("/books/{id}", draft.bookId()).param("_method", "DELETE")
            .header("X-HTTP-Method-Override", "DELETE").with(as("tleader")).with(csrf()))
        .andReturn().getResponse().getStatus();
    assertThat(status).isEqualTo(405);
    assertNothingChangedSince(before);
  }

  @Test
  void overHttpsPagesPinHttps() throws Exception {
    mvc.perform(get("/tasks").secure(true).with(as("tmedhead")))
        .andExpect(status().isOk())
        .andExpect(header().string("Strict-Transport-Security", org.hamcrest.Matchers.containsString("max-age=")));
  }
}
