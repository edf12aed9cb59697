package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.duban.IssuedItemFixture.IssuedItem;
import org.duban.TestHospital;
import org.duban.WebTestSupport;
import org.duban.book.TaskBook;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every main page renders for the people who use it, in Chinese, and in English on request. */
class PagesRenderWebTest extends WebTestSupport {

  @Test
  void theLogInPageRendersForAnonymousVisitorsAndOtherPagesAskForIt() throws Exception {
    // When nobody is logged in, Then the log-in page is shown and every other page sends there
    assertThat(render(get("/login"), null)).contains("用户名", "密码", "name=\"_csrf\"");
    mvc.perform(get("/tasks"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(get("/books"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("**/login"));
  }

  @Test
  void aPersonLogsInWithTheFormAndAWrongPasswordIsTurnedAway() throws Exception {
    mvc.perform(formLogin("/login").user("tmedhead").password(TestHospital.PASSWORD))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/"));
    mvc.perform(formLogin("/login").user("tmedhead").password("wrong"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void theInboxListsTheDepartmentsTaskWithItsItem() throws Exception {
    // Given an item waiting for 测试医务部
    IssuedItem item = fixture.issuedItem("页面待办事项");

    // When the department head opens 我的待办, Then the claim task is listed with its item
    String page = render(get("/tasks"), "tmedhead");
    assertThat(page).contains("我的待办", "认领工作任务", "1 页面待办事项", "签收");
    assertThat(page).contains("href=\"/items/" + item.itemId() + "\"");
  }

  @Test
  void theBookListAndBookPageRender() throws Exception {
    // Given an issued book
    IssuedItem item = fixture.issuedItem("页面任务书事项");

    // When a leader opens the list, Then the book is there and a new one can be drafted
    assertThat(render(get("/books"), "tleader"))
        .contains("目标任务书", "页面任务书事项任务书", "已下达", "href=\"/books/new\"");
    // When a department head opens it, Then no drafting is offered
    assertThat(render(get("/books"), "tmedhead"))
        .contains("目标任务书")
        .doesNotContain("href=\"/books/new\"");

    // When the book is opened, Then its status and decomposition table, with the item's stage, are
    // shown
    assertThat(render(get("/books/{id}", item.bookId()), "tleader"))
        .contains("页面任务书事项任务书", "已下达", "页面任务书事项", "测试医务部", "待认领");
  }

  @Test
  void theEditorOfADraftOpensForItsIssuerOnly() throws Exception {
    // Given a draft of tleader
    TaskBook draft = fixture.draft("页面编辑草稿");

    // When its issuer opens the editor, Then the item form is there with the departments to choose
    assertThat(render(get("/books/{id}/edit", draft.getId()), "tleader"))
        .contains("编辑任务书", "页面编辑草稿", "添加事项", "测试医务部", "测试分管院长", "name=\"seq\"");
    // and the book page offers the editor to the issuer
    assertThat(render(get("/books/{id}", draft.getId()), "tleader"))
        .contains("/books/" + draft.getId() + "/edit");

    // When another leader opens it, Then access is denied
    mvc.perform(get("/books/{id}/edit", draft.getId()).with(as("treviewer")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/books/{id}/edit", draft.getId()).with(as("tmedhead")))
        .andExpect(status().isForbidden());
    assertThat(render(get("/books/{id}", draft.getId()), "treviewer"))
        .doesNotContain("/books/" + draft.getId() + "/edit");
  }

  @Test
  void theNewBookFormRendersForALeader() throws Exception {
    assertThat(render(get("/books/new"), "tleader"))
        .contains("起草任务书", "创建草稿", "name=\"title\"", "name=\"periodEnd\"");
    mvc.perform(get("/books/new").with(as("tmedhead"))).andExpect(status().isForbidden());
  }

  @Test
  void theItemPageAndItsTaskPageRender() throws Exception {
    // Given an item waiting for 测试医务部
    IssuedItem item = fixture.issuedItem("页面事项详情");
    String taskId = fixture.openTask(item, "claimItem").getId();

    // When the department head opens the item, Then its facts, stage and history are shown
    assertThat(render(get("/items/{id}", item.itemId()), "tmedhead"))
        .contains("1. 页面事项详情", "牵头部门", "测试医务部", "测试信息中心", "待认领", "尚未分解", "办理记录", "下达至牵头部门");

    // When the claim task is opened, Then the item and the Camunda form are shown
    assertThat(render(get("/tasks/{id}", taskId), "tmedhead"))
        .contains("认领工作任务", "页面事项详情", "认领结果", "提出异议", "异议理由", "提交");
  }

  @Test
  void theSupervisionQueueRendersForTheOfficeWithTheRunNowButtons() throws Exception {
    assertThat(render(get("/supervision"), "tducha"))
        .contains("督查督办", "在办督办事项", "立即执行周督查", "立即开启月度填报");
  }

  @Test
  void langEnSwitchesToEnglishAndACookieRemembersIt() throws Exception {
    // When a page is asked for in English
    var result =
        mvc.perform(get("/tasks").param("lang", "en").with(as("tmedhead")))
            .andExpect(status().isOk())
            .andExpect(cookie().exists("duban-lang"))
            .andReturn();

    // Then it is English, and the cookie keeps English for the next page
    assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("My tasks", "lang=\"en\"")
        .doesNotContain("我的待办");
    Cookie lang = result.getResponse().getCookie("duban-lang");
    // the page's own words are English; the books' titles are the hospital's, in Chinese
    assertThat(render(get("/books").cookie(lang), "tmedhead"))
        .contains("Task books")
        .doesNotContain(">目标任务书<");
    assertThat(render(get("/login").param("lang", "en"), null)).contains("Log in");
  }

  /** The page as this person (or nobody) gets it: status 200, UTF-8 HTML. */
  private String render(MockHttpServletRequestBuilder request, String username) throws Exception {
    if (username != null) {
      request.with(as(username));
    }
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
