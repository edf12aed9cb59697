package org.duban.security.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.junit.jupiter.api.Test;

/**
 * Cancelling an item (撤销此事项, issue 15 point 8) over HTTP: the change page offers it to those who
 * may propose a change, the approver's task shows plainly that the request cancels the item, and
 * anyone else (another department, a collaborating department, a leader who did not issue the book)
 * is refused with nothing changed.
 */
@Attack(AttackCategory.FORGED_ID)
class CancelItemAttackTest extends AttackTestSupport {

  @Test
  void theChangePageOffersCancellingAndTheApproverSeesThatTheRequestCancelsTheItem()
      throws Exception {
    IssuedItem item = fixture.issuedItem("页面撤销");
    String html =
        page(
            get("/items/{id}/change", item.itemId())
                .with(as("tmedhead"))
                .locale(Locale.SIMPLIFIED_CHINESE));
    assertThat(html).contains("name=\"cancelItem\"").contains("撤销此事项");

    // a cancel proposal needs only its reason
    mvc.perform(
            post("/items/{id}/change", item.itemId())
                .with(as("tmedhead"))
                .with(csrf())
                .param("cancelItem", "true")
                .param("reason", "年中目标取消"))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.queryForObject(
                "select proposed_cancel from change_request where work_item_id = ?",
                Boolean.class,
                item.itemId()))
        .isTrue();

    String task =
        taskService
            .createTaskQuery()
            .taskDefinitionKey("approveChange")
            .processVariableValueEquals("workItemId", item.itemId())
            .singleResult()
            .getId();
    String approval =
        page(
            get("/tasks/{id}", task)
                .with(as(IssuedItemFixture.ISSUER))
                .locale(Locale.SIMPLIFIED_CHINESE));
    assertThat(approval).contains("撤销此事项").contains("年中目标取消");

    // once the issuer approves, the item page says it is cancelled and offers no further change
    mvc.perform(
            post("/tasks/{id}", task)
                .with(as(IssuedItemFixture.ISSUER))
                .with(csrf())
                .param("changeDecision", "approve"))
        .andExpect(status().is3xxRedirection());
    String itemPage =
        page(
            get("/items/{id}", item.itemId())
                .with(as("tmedhead"))
                .locale(Locale.SIMPLIFIED_CHINESE));
    assertThat(itemPage).contains("已撤销").doesNotContain("/items/" + item.itemId() + "/change\"");
    mvc.perform(get("/items/{id}/change", item.itemId()).with(as("tmedhead")))
        .andExpect(status().isForbidden());
  }

  @Test
  void whoMayNotProposeAChangeMayNotCancelTheItem() throws Exception {
    IssuedItem item = fixture.issuedItem("越权撤销");
    DatabaseState before = databaseState();
    for (String username : new String[] {"tnursehead", "tithead", "treviewer"}) {
      mvc.perform(get("/items/{id}/change", item.itemId()).with(as(username)))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/items/{id}/change", item.itemId())
                  .with(as(username))
                  .with(csrf())
                  .param("cancelItem", "true")
                  .param("reason", "伪造撤销"))
          .andExpect(status().isForbidden());
    }
    assertNothingChangedSince(before);
    assertThat(
            jdbc.queryForObject(
                "select stage from work_item where id = ?", String.class, item.itemId()))
        .isEqualTo("AWAITING_CLAIM");
  }
}
