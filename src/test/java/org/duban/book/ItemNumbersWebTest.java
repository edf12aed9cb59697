package org.duban.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.duban.WebTestSupport;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 15 point 14: numbers a person types into the decomposition table that cannot be right are
 * refused with a message and nothing is written — a 序号 that is no positive number, and a negative
 * target or baseline of an indicator that cannot be negative (a count, a share); an indicator named
 * as a change (增长率) may be negative.
 */
class ItemNumbersWebTest extends WebTestSupport {

  @Autowired WorkItemRepository items;

  @Test
  void aSeqThatIsNoPositiveNumberIsRefusedAndNothingIsWritten() throws Exception {
    TaskBook draft = fixture.draft("序号须为正数草稿");
    for (String seq : new String[] {"0", "-1", "第一"}) {
      String page = refused(row(draft, seq).param("indicatorName", ""));
      assertThat(page).as(seq).contains("序号须为正整数");
    }
    assertThat(items.findByTaskBookIdOrderByIdAsc(draft.getId())).isEmpty();

    mvc.perform(row(draft, "2.1").param("indicatorName", "").with(as("tleader")))
        .andExpect(status().is3xxRedirection());
    assertThat(items.findByTaskBookIdOrderByIdAsc(draft.getId()))
        .extracting(WorkItem::getSeq)
        .containsExactly("2.1");
  }

  @Test
  void aNegativeTargetOrBaselineOfAnIndicatorThatCannotBeNegativeIsRefused() throws Exception {
    TaskBook draft = fixture.draft("指标负数草稿");
    String target =
        refused(
            row(draft, "1")
                .param("indicatorName", "门诊患者满意度")
                .param("indicatorDirection", "GE")
                .param("indicatorTarget", "-90")
                .param("indicatorUnit", "%"));
    assertThat(target).contains("不能为负数");
    String baseline =
        refused(
            row(draft, "1")
                .param("indicatorName", "平均住院日")
                .param("indicatorDirection", "DECREASE")
                .param("indicatorBaseline", "-7.2")
                .param("indicatorUnit", "天"));
    assertThat(baseline).contains("不能为负数");
    assertThat(items.findByTaskBookIdOrderByIdAsc(draft.getId())).isEmpty();

    // a growth rate may well be below zero
    mvc.perform(
            row(draft, "1")
                .param("indicatorName", "药品收入增长率")
                .param("indicatorDirection", "LE")
                .param("indicatorTarget", "-2")
                .param("indicatorUnit", "%")
                .with(as("tleader")))
        .andExpect(status().is3xxRedirection());
    assertThat(items.findByTaskBookIdOrderByIdAsc(draft.getId())).hasSize(1);
  }

  private String refused(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(as("tleader")))
        .andExpect(status().isOk())
        .andExpect(view().name("books/editor"))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private MockHttpServletRequestBuilder row(TaskBook draft, String seq) {
    LocalDate deadline = EngineClock.today().plusDays(100);
    return post("/books/{id}/items", draft.getId())
        .with(csrf())
        .param("goalAreaId", String.valueOf(draft.getGoalAreas().get(0).getId()))
        .param("seq", seq)
        .param("title", "数字校验事项")
        .param("targetText", "达到目标")
        .param("leadDepartmentId", String.valueOf(hospital.department("tmedical").getId()))
        .param("leaderInChargeId", String.valueOf(hospital.personId("tincharge")))
        .param("deadline", deadline.toString());
  }
}
