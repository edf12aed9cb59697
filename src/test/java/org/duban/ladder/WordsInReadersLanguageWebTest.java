package org.duban.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.IssuedItemFixture;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.book.Light;
import org.duban.infrastructure.EngineClock;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.ItemHistory;
import org.duban.light.LightFacts;
import org.duban.light.WeeklySupervisionService;
import org.duban.task.WorkTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the app writes for people and shows later (the light's reason, the item's history, the
 * ladder's notice and its inbox message) is kept as message keys: Chinese by default, English with
 * {@code ?lang=en}, whoever's language it was written in.
 */
@RunningAppTest
class WordsInReadersLanguageWebTest {

  private static final String REASON_ZH = "进度落后序时进度30个百分点及以上";
  private static final String REASON_EN = "Progress 30 or more percentage points behind schedule";

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired IssuedItemFixture fixture;
  @Autowired TestHospital hospital;
  @Autowired WeeklySupervisionService lights;
  @Autowired EscalationLadder ladder;
  @Autowired WorkTasks workTasks;
  @Autowired TaskService taskService;
  @Autowired ItemHistory history;

  @AfterEach
  void reset() {
    EngineClock.reset();
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void lightReasonHistoryNoticeAndInboxAreWordedForTheReader() throws Exception {
    // Given an item the rules lit red (rule GAP_30, with the decision table's own words), put on
    // the
    // ladder, and a yellow notice the office issued
    EngineClock.set(EngineClock.toDate(LocalDateTime.parse("2026-03-02T08:30")));
    Long item = fixture.issuedItem("读者语言的督办事项").itemId();
    lights.recordLight(
        null, item, Light.RED, "GAP_30", REASON_ZH, new LightFacts(50, 10, 5, 0, 100));
    ladder.onWeeklyLight(item, Light.RED);
    List<Task> triage =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey("item-" + item)
            .taskDefinitionKey("triageEscalation")
            .list();
    assertThat(triage).hasSize(1);
    workTasks.complete(
        triage.get(0).getId(),
        new HashMap<>(
            Map.of(
                "triageDecision",
                "notice",
                "noticeRequirement",
                "请于期限内提交整改方案",
                "noticeDeadline",
                LocalDate.parse("2026-03-06"))),
        hospital.user("tducha"));

    // Then the history keeps the Chinese words and renders the reader's language
    ItemEvent lightSet =
        history.ofItem(item).stream()
            .filter(e -> e.getKind().equals(EventKind.LIGHT_SET.name()))
            .findFirst()
            .orElseThrow();
    assertThat(lightSet.getStoredDetail()).isEqualTo("红灯：" + REASON_ZH);
    assertThat(lightSet.getDetail()).isEqualTo("红灯：" + REASON_ZH);
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(lightSet.getDetail()).isEqualTo("Red: " + REASON_EN);
    LocaleContextHolder.resetLocaleContext();

    // the item page: the light's reason, the escalation's reason in the history, the notice's
    // number
    String zh = page("/items/" + item);
    assertThat(zh).contains(REASON_ZH).contains("督〔2026〕");
    String en = page("/items/" + item + "?lang=en");
    assertThat(en)
        .contains(REASON_EN)
        .contains("Supervision notice [2026] No. ")
        .doesNotContain(REASON_ZH);

    // the inbox: the notice's title, its rung and the item's light
    String inboxZh = page("/inbox?kind=NOTICE");
    assertThat(inboxZh)
        .contains("【黄色督办】督〔2026〕")
        .contains("事项当前为红灯")
        .contains("请于期限内提交整改方案。请于2026-03-06前提交整改方案。");
    String inboxEn = page("/inbox?kind=NOTICE&lang=en");
    assertThat(inboxEn)
        .contains("[Yellow supervision] Supervision notice [2026] No. ")
        .contains("the item is now Red)")
        .contains("Please submit a rectification plan before 2026-03-06.");
  }

  private String page(String url) throws Exception {
    return mvc.perform(get(url).with(user(users.loadUserByUsername("tmedhead"))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
