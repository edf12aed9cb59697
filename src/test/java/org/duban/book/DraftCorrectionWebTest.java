package org.duban.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.WebTestSupport;
import org.duban.infrastructure.EngineClock;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.ItemHistory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafts a person can correct: the year and the period agree, the draft's title, year, period and
 * level can be changed, and the drafter (or the supervision office) can delete it: its task ends
 * and its history says who deleted it. Deleting an item asks first.
 */
class DraftCorrectionWebTest extends WebTestSupport {

  @Autowired TaskBookRepository books;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ItemHistory history;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void aNewBookWhosePeriodDoesNotIncludeItsYearIsRefusedAndNothingIsCreated() throws Exception {
    long before = books.count();
    int year = EngineClock.today().getYear();

    String page =
        mvc.perform(
                post("/books")
                    .with(as("tleader"))
                    .with(csrf())
                    .param("title", "年度期限矛盾")
                    .param("year", String.valueOf(year + 1))
                    .param("periodStart", year + "-01-01")
                    .param("periodEnd", year + "-12-31")
                    .param("goalAreas", "医疗服务"))
            .andExpect(status().isOk())
            .andExpect(view().name("books/new"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(page).contains("年度与期限不一致");
    assertThat(books.count()).isEqualTo(before);
  }

  @Test
  void theDrafterCorrectsTitleYearPeriodAndLevelOfADraft() throws Exception {
    TaskBook draft = fixture.draft("待更正的草稿");
    int next = EngineClock.today().getYear() + 1;

    mvc.perform(
            details(
                    draft,
                    "更正后的任务书",
                    next,
                    LocalDate.of(next, 1, 1),
                    LocalDate.of(next, 12, 31),
                    BookLevel.DEPARTMENT)
                .param(
                    "responsibleDepartmentId",
                    String.valueOf(hospital.department("tmedical").getId()))
                .with(as("tleader")))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/books/" + draft.getId() + "/edit"));

    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            s -> {
              TaskBook book = books.findById(draft.getId()).orElseThrow();
              assertThat(book.getTitle()).isEqualTo("更正后的任务书");
              assertThat(book.getYear()).isEqualTo(next);
              assertThat(book.getPeriodStart()).isEqualTo(LocalDate.of(next, 1, 1));
              assertThat(book.getPeriodEnd()).isEqualTo(LocalDate.of(next, 12, 31));
              assertThat(book.getLevel()).isEqualTo(BookLevel.DEPARTMENT);
              assertThat(book.getResponsibleDepartment().getCode()).isEqualTo("tmedical");
            });
    // and the editor shows what was saved, with the year and period wired to propose each other
    String editor = html(get("/books/{id}/edit", draft.getId()).with(as("tleader")));
    assertThat(editor)
        .contains("value=\"更正后的任务书\"")
        .contains("data-book-year")
        .contains("/js/book-form.js");
  }

  @Test
  void aCorrectionWhosePeriodDoesNotIncludeTheYearIsRefusedAndTheDraftStaysAsItWas()
      throws Exception {
    TaskBook draft = fixture.draft("不可矛盾的草稿");
    int year = EngineClock.today().getYear();

    String page =
        mvc.perform(
                details(
                        draft,
                        "矛盾的标题",
                        year + 3,
                        LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31))
                    .with(as("tleader")))
            .andExpect(status().isOk())
            .andExpect(view().name("books/editor"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(page).contains("年度与期限不一致");
    TaskBook book = books.findById(draft.getId()).orElseThrow();
    assertThat(book.getTitle()).isEqualTo("不可矛盾的草稿");
    assertThat(book.getYear()).isEqualTo(draft.getYear());
    assertThat(book.getPeriodStart()).isEqualTo(draft.getPeriodStart());
  }

  @Test
  void aCorrectionThatLeavesAnItemsDeadlineOutsideThePeriodIsRefused() throws Exception {
    TaskBook draft = fixture.draft("事项超期的草稿");
    fixture.addItem(draft, "1", "期限在后的事项"); // deadline today + 200 days
    LocalDate today = EngineClock.today();

    String page =
        mvc.perform(
                details(draft, "缩短期限", today.getYear(), today.minusDays(30), today.plusDays(10))
                    .with(as("tleader")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(page).contains("已有事项的完成时限不在新的期限之内");
    assertThat(books.findById(draft.getId()).orElseThrow().getPeriodEnd())
        .isEqualTo(draft.getPeriodEnd());
  }

  @Test
  void theDrafterDeletesADraftItsTaskEndsItsHistorySaysWhoAndItLeavesTheList() throws Exception {
    TaskBook draft = fixture.draft("要删除的草稿");
    fixture.addItem(draft, "1", "草稿里的事项");
    String instance = draft.getProcessInstanceId();
    assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).isEqualTo(1);

    mvc.perform(post("/books/{id}/delete", draft.getId()).with(as("tleader")).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/books"));

    // its process ended through the process's own "draft deleted" event: no open task is left
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).isZero();
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .activityId("draftDeletionEnded")
                .count())
        .isEqualTo(1);
    // its history says who deleted it
    assertThat(history.ofBook(draft.getId()))
        .filteredOn(e -> e.getKind().equals("BOOK_DELETED"))
        .extracting(ItemEvent::getActor, ItemEvent::getDetail)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("tleader", "要删除的草稿"));
    assertThat(books.findById(draft.getId()).orElseThrow().getStatus())
        .isEqualTo(TaskBookStatus.DELETED);
    // and it is in no list, and its page is gone
    assertThat(html(get("/books").with(as("tleader")))).doesNotContain("要删除的草稿");
    assertThat(html(get("/books/new").with(as("tleader")))).doesNotContain("要删除的草稿");
    mvc.perform(get("/books/{id}", draft.getId()).with(as("tleader")))
        .andExpect(status().isNotFound());
  }

  @Test
  void theSupervisionOfficeMayDeleteSomeoneElsesDraft() throws Exception {
    TaskBook draft = fixture.draft("督查室删除的草稿");

    mvc.perform(post("/books/{id}/delete", draft.getId()).with(as("tducha")).with(csrf()))
        .andExpect(status().is3xxRedirection());

    assertThat(
            taskService.createTaskQuery().processInstanceId(draft.getProcessInstanceId()).count())
        .isZero();
    assertThat(history.ofBook(draft.getId()))
        .filteredOn(e -> e.getKind().equals("BOOK_DELETED"))
        .extracting(ItemEvent::getActor)
        .containsExactly("tducha");
  }

  @Test
  void aBookInReviewIsNoDraftAndIsNotDeleted() throws Exception {
    var issued = fixture.issuedItem("已下达不能删除");

    mvc.perform(post("/books/{id}/delete", issued.bookId()).with(as("tleader")).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/books/" + issued.bookId()));

    assertThat(books.findById(issued.bookId()).orElseThrow().getStatus())
        .isEqualTo(TaskBookStatus.ISSUED);
    assertThat(history.ofBook(issued.bookId())).noneMatch(e -> e.getKind().equals("BOOK_DELETED"));
  }

  @Test
  void deletingAnItemOrTheDraftAsksFirst() throws Exception {
    TaskBook draft = fixture.draft("删除前确认");
    fixture.addItem(draft, "1", "要确认删除的事项");

    String editor = html(get("/books/{id}/edit", draft.getId()).with(as("tleader")));

    assertThat(editor)
        .contains("data-confirm=\"确定删除此事项吗？\"")
        .contains("data-confirm=\"确定删除此任务书草稿吗？")
        .contains("/js/ask-first.js");
  }

  private MockHttpServletRequestBuilder details(
      TaskBook book, String title, int year, LocalDate start, LocalDate end) {
    return details(book, title, year, start, end, BookLevel.HOSPITAL);
  }

  private MockHttpServletRequestBuilder details(
      TaskBook book, String title, int year, LocalDate start, LocalDate end, BookLevel level) {
    return post("/books/{id}/details", book.getId())
        .with(csrf())
        .param("title", title)
        .param("year", String.valueOf(year))
        .param("periodStart", start.toString())
        .param("periodEnd", end.toString())
        .param("level", level.name());
  }

  private String html(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
