package org.duban.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.Page;
import org.duban.WebTestSupport;
import org.duban.book.ItemSummary;
import org.duban.book.WorkItemQueries;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The change request page of an issued item and the versions page of its book. */
class ChangePagesWebTest extends WebTestSupport {

  @Autowired WorkItemQueries items;
  @Autowired ChangeRequestRepository requests;
  @Autowired WorkTasks workTasks;

  IssuedItem issued;
  ItemSummary item;

  @BeforeEach
  void issuedItem() {
    issued = fixture.issuedItem("变更页面");
    item = items.summary(issued.itemId());
  }

  MockHttpServletRequestBuilder proposal(String user, String title, String reason) {
    return post("/items/{id}/change", issued.itemId())
        .with(as(user))
        .with(csrf())
        .param("title", title)
        .param("targetText", item.targetText())
        .param("leadDepartmentId", item.leadDepartmentId().toString())
        .param("leaderInChargeId", hospital.personId("tincharge").toString())
        .param("deadline", item.deadline().toString())
        .param("reason", reason);
  }

  @Test
  void theLeadDepartmentSeesThePageFilledWithTheCurrentTerms() throws Exception {
    Page page =
        Page.of(
            mvc.perform(get("/items/{id}/change", issued.itemId()).with(as("tmedhead")))
                .andExpect(status().isOk())
                .andExpect(view().name("change/propose"))
                .andReturn());

    assertThat(page.hasControl("reason")).isTrue();
    assertThat(page.html()).contains("value=\"变更页面\"");
  }

  @Test
  void theItemPageOffersAChangeToTheLeadDepartmentButNotToACollaborator() throws Exception {
    String lead =
        mvc.perform(get("/items/{id}", issued.itemId()).with(as("tmedhead")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String collaborator =
        mvc.perform(get("/items/{id}", issued.itemId()).with(as("tithead")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(lead).contains("/items/" + issued.itemId() + "/change");
    assertThat(collaborator).doesNotContain("/items/" + issued.itemId() + "/change");
  }

  @Test
  void anotherDepartmentIsRefused() throws Exception {
    mvc.perform(get("/items/{id}/change", issued.itemId()).with(as("tnursehead")))
        .andExpect(status().isForbidden());
    long count = requests.count();
    mvc.perform(proposal("tnursehead", "改", "理由")).andExpect(status().isForbidden());
    assertThat(requests.count()).isEqualTo(count);
  }

  @Test
  void aProposalWithoutReasonOrWithoutChangeIsShownAgainAndWritesNothing() throws Exception {
    long count = requests.count();

    Page noReason =
        Page.of(
            mvc.perform(proposal("tmedhead", "新标题", " "))
                .andExpect(status().isOk())
                .andExpect(view().name("change/propose"))
                .andReturn());
    assertThat(noReason.errorsBeside("reason")).hasSize(1);

    Page noChange =
        Page.of(
            mvc.perform(proposal("tmedhead", "变更页面", "理由"))
                .andExpect(status().isOk())
                .andExpect(view().name("change/propose"))
                .andReturn());
    assertThat(noChange.texts("warning")).contains("变更内容与当前内容相同，请至少修改一项");

    assertThat(requests.count()).isEqualTo(count);
  }

  @Test
  void anApprovedProposalShowsAsVersionTwoWithItsDiff() throws Exception {
    // When the lead department proposes a new title through the page
    mvc.perform(proposal("tmedhead", "变更页面（新）", "按评审意见调整"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/items/" + issued.itemId()));

    // And the issuer approves it
    Task task =
        taskService
            .createTaskQuery()
            .taskDefinitionKey("approveChange")
            .processVariableValueEquals("workItemId", issued.itemId())
            .singleResult();
    workTasks.complete(
        task.getId(), Map.of("changeDecision", "approve"), hospital.user(IssuedItemFixture.ISSUER));

    // Then the versions page shows both versions and the field that changed
    Page page =
        Page.of(
            mvc.perform(get("/books/{id}/versions", issued.bookId()).with(as("tmedhead")))
                .andExpect(status().isOk())
                .andExpect(view().name("change/versions"))
                .andReturn());
    assertThat(page.html()).contains("第1版", "第2版", "按评审意见调整", "变更页面（新）");
    assertThat(page.texts("changes").get(0)).contains("工作任务", "变更页面", "变更页面（新）");

    // And a department with no part in the book is refused its versions, as its print view
    String other =
        mvc.perform(get("/books/{id}/versions", issued.bookId()).with(as("tnursehead")))
            .andExpect(status().isForbidden())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(other).doesNotContain("变更页面（新）").doesNotContain("按评审意见调整");
  }
}
