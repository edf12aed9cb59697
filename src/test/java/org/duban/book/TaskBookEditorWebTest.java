package org.duban.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.duban.Page;
import org.duban.WebTestSupport;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task book pages: a leader creates a draft and its issuer fills the decomposition table. Bad
 * input is shown beside its field, or above the form, and nothing is written.
 */
class TaskBookEditorWebTest extends WebTestSupport {

  @Autowired TaskBookRepository books;
  @Autowired WorkItemRepository items;
  @Autowired PlatformTransactionManager transactionManager;

  private LocalDate today;

  @BeforeEach
  void today() {
    today = EngineClock.today();
  }

  @Test
  void aLeaderWithoutTitleIsOfferedByNameAloneAsLeaderInCharge() throws Exception {
    // the test hospital's leaders have no title, as people an admin creates without one
    TaskBook book = fixture.draft("分管领导无职务");

    String editor =
        mvc.perform(get("/books/{id}/edit", book.getId()).with(as("tleader")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(editor).contains(">测试分管院长</option>").doesNotContain("null）");
  }

  @Test
  void aNewBookWithoutTitleAndWithItsPeriodReversedIsShownAgainWithTheErrors() throws Exception {
    long before = books.count();

    // When a leader posts a book with an empty title and an end before the start
    Page page =
        Page.of(
            mvc.perform(
                    post("/books")
                        .with(as("tleader"))
                        .with(csrf())
                        .param("title", " ")
                        .param("year", String.valueOf(today.getYear()))
                        .param("periodStart", today.toString())
                        .param("periodEnd", today.minusDays(1).toString())
                        .param("goalAreas", "医疗服务"))
                .andExpect(status().isOk())
                .andExpect(view().name("books/new"))
                .andReturn());

    // Then each error stands beside its field, and no book is created
    assertThat(page.errorsBeside("title")).containsExactly("此项为必填");
    assertThat(page.errorsBeside("periodEnd")).containsExactly("截止日期不能早于起始日期");
    assertThat(page.errorsBeside("periodStart")).isEmpty();
    assertThat(books.count()).isEqualTo(before);
  }

  @Test
  void aValidNewBookBecomesADraftAndOpensTheEditor() throws Exception {
    long before = books.count();

    // When a leader posts a complete book
    String location =
        mvc.perform(
                post("/books")
                    .with(as("tleader"))
                    .with(csrf())
                    .param("title", "网页新建任务书")
                    .param("year", String.valueOf(today.getYear()))
                    .param("periodStart", today.toString())
                    .param("periodEnd", today.plusDays(200).toString())
                    .param("goalAreas", "医疗服务、学科建设"))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("/books/*/edit"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

    // Then the draft exists with its goal areas, and its issuer is the leader
    assertThat(books.count()).isEqualTo(before + 1);
    Long id = Long.valueOf(location.replaceAll("\\D+", ""));
    TaskBook book = books.findById(id).orElseThrow();
    assertThat(book.getTitle()).isEqualTo("网页新建任务书");
  }

  @Test
  void aDepartmentHeadCannotCreateABook() throws Exception {
    long before = books.count();

    // When a department head posts a complete book
    mvc.perform(
            post("/books")
                .with(as("tmedhead"))
                .with(csrf())
                .param("title", "科室起草的任务书")
                .param("year", String.valueOf(today.getYear()))
                .param("periodStart", today.toString())
                .param("periodEnd", today.plusDays(200).toString())
                .param("goalAreas", "医疗服务"))
        .andExpect(status().isForbidden());

    // Then no book is created
    assertThat(books.count()).isEqualTo(before);
  }

  @Test
  void aDuplicateSeqIsRefusedAboveTheFormAndNothingIsWritten() throws Exception {
    // Given a draft whose table has item 1
    TaskBook draft = fixture.draft("序号重复草稿");
    fixture.addItem(draft, "1", "已有事项");

    // When the issuer adds another item numbered 1
    Page page =
        Page.of(
            mvc.perform(itemPost(draft, "1", "新增的事项", today.plusDays(100)).with(as("tleader")))
                .andExpect(status().isOk())
                .andExpect(view().name("books/editor"))
                .andReturn());

    // Then the editor says the number exists, keeps the input, and the table still has one item
    assertThat(page.texts("warning")).contains("序号已存在");
    assertThat(page.html()).contains("value=\"新增的事项\"");
    assertThat(items.findByTaskBookIdOrderByIdAsc(draft.getId()))
        .extracting(WorkItem::getTitle)
        .containsExactly("已有事项");
  }

  @Test
  void aDeadlineOutsideTheBooksPeriodIsRefusedAndNothingIsWritten() throws Exception {
    // Given a draft running from 30 days ago to 300 days ahead
    TaskBook draft = fixture.draft("时限越界草稿");

    // When the issuer adds items due after the end and before the start
    for (LocalDate deadline : new LocalDate[] {today.plusDays(301), today.minusDays(31)}) {
      Page page =
          Page.of(
              mvc.perform(itemPost(draft, "1", "新增的事项", deadline).with(as("tleader")))
                  .andExpect(status().isOk())
                  .andExpect(view().name("books/editor"))
                  .andReturn());
      // Then the editor says the deadline must lie within the period
      assertThat(page.texts("warning")).as("deadline %s", deadline).contains("完成时限应在任务书期限之内");
    }

    // and nothing was written
    assertThat(items.findByTaskBookIdOrderByIdAsc(draft.getId())).isEmpty();
  }

  @Test
  void missingItemFieldsAreShownBesideThem() throws Exception {
    // Given a draft
    TaskBook draft = fixture.draft("事项必填草稿");

    // When the issuer posts an item without title and deadline
    Page page =
        Page.of(
            mvc.perform(itemPost(draft, "1", "", null).with(as("tleader")))
                .andExpect(status().isOk())
                .andExpect(view().name("books/editor"))
                .andReturn());

    // Then both are marked, and nothing is written
    assertThat(page.errorsBeside("title")).containsExactly("此项为必填");
    assertThat(page.errorsBeside("deadline")).containsExactly("此项为必填");
    assertThat(items.findByTaskBookIdOrderByIdAsc(draft.getId())).isEmpty();
  }

  @Test
  void aValidItemIsAddedByTheIssuerOnly() throws Exception {
    // Given a draft of tleader
    TaskBook draft = fixture.draft("事项添加草稿");

    // When another leader posts a valid item, Then it is refused
    mvc.perform(itemPost(draft, "1", "新增的事项", today.plusDays(100)).with(as("treviewer")))
        .andExpect(status().isForbidden());
    assertThat(items.findByTaskBookIdOrderByIdAsc(draft.getId())).isEmpty();

    // When the issuer posts it, Then it is added and the editor opens again
    mvc.perform(itemPost(draft, "1", "新增的事项", today.plusDays(100)).with(as("tleader")))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/books/" + draft.getId() + "/edit"));
    assertThat(items.findByTaskBookIdOrderByIdAsc(draft.getId()))
        .extracting(WorkItem::getTitle)
        .containsExactly("新增的事项");
  }

  @Test
  void anIndicatorTakesAnnualTargetsWithinTheBooksYearsAndRefusesUnreadableOnes() throws Exception {
    // Given a draft spanning this year and the next
    TaskBook draft = fixture.draft("分年度目标草稿");
    int year = draft.getPeriodStart().getYear();

    // When the annual targets cannot be read, or name a year outside the book, Then nothing is
    // written
    String unreadable =
        mvc.perform(withIndicator(draft, "一年一个").with(as("tleader")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(unreadable).contains("分年度目标格式应为");
    String outside =
        mvc.perform(withIndicator(draft, (year + 9) + ":1").with(as("tleader")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(outside).contains("分年度目标的年度须在任务书期限之内");
    assertThat(items.findByTaskBookIdOrderByIdAsc(draft.getId())).isEmpty();

    // When they are readable and within the book, Then the indicator keeps them by year
    mvc.perform(withIndicator(draft, year + ":1，" + (year + 1) + "：2").with(as("tleader")))
        .andExpect(status().is3xxRedirection());
    Map<Integer, BigDecimal> targets =
        new TransactionTemplate(transactionManager)
            .execute(
                status ->
                    new TreeMap<>(
                        items
                            .findByTaskBookIdOrderByIdAsc(draft.getId())
                            .get(0)
                            .getIndicators()
                            .get(0)
                            .getYearTargets()));
    assertThat(targets).containsOnlyKeys(year, year + 1);
    assertThat(targets.get(year)).isEqualByComparingTo("1");
    assertThat(targets.get(year + 1)).isEqualByComparingTo("2");
  }

  private MockHttpServletRequestBuilder withIndicator(TaskBook draft, String yearTargets) {
    return row(draft, "1", "分年度事项", today.plusDays(100))
        .param("indicatorName", "国家级科研项目")
        .param("indicatorDirection", "GE")
        .param("indicatorTarget", "3")
        .param("indicatorBaseline", "0")
        .param("indicatorUnit", "项")
        .param("indicatorYearTargets", yearTargets);
  }

  /** An item row as the editor posts it, complete but for what the arguments leave empty. */
  private MockHttpServletRequestBuilder itemPost(
      TaskBook draft, String seq, String title, LocalDate deadline) {
    return row(draft, seq, title, deadline)
        .param("indicatorName", "")
        .param("indicatorTarget", "")
        .param("indicatorBaseline", "");
  }

  private MockHttpServletRequestBuilder row(
      TaskBook draft, String seq, String title, LocalDate deadline) {
    return post("/books/{id}/items", draft.getId())
        .with(csrf())
        .param("goalAreaId", String.valueOf(draft.getGoalAreas().get(0).getId()))
        .param("seq", seq)
        .param("title", title)
        .param("targetText", "达到目标")
        .param("leadDepartmentId", String.valueOf(hospital.department("tmedical").getId()))
        .param("collaboratorIds", String.valueOf(hospital.department("tit").getId()))
        .param("leaderInChargeId", String.valueOf(hospital.personId("tincharge")))
        .param("deadline", deadline == null ? "" : deadline.toString());
  }
}
