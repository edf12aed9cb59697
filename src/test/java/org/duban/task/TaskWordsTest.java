package org.duban.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duban.forms.FormDefinition;
import org.duban.forms.Forms;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words this package writes for people (reminders, overdue hand-overs, the line a step leaves
 * in the item's record) come from the message bundle: English for {@code en}, and in Chinese, the
 * hospital's language and what is kept, exactly the texts Duban always sent.
 */
class TaskWordsTest {

  private static final Locale EN = Locale.ENGLISH;
  private static final Locale ZH = TaskNotes.STORED;

  private final ResourceBundleMessageSource messages = messages();

  @Test
  void aReminderIsWrittenInTheReadersLanguage() {
    TaskNotes.Note english = TaskNotes.reminder(messages, EN, "提交月度进展", "修订制度");
    assertThat(english.title()).isEqualTo("[Reminder] 提交月度进展 is due soon");
    assertThat(english.body())
        .isEqualTo("The task “提交月度进展” (work item “修订制度”) is due soon; please handle it in time.");

    TaskNotes.Note chinese = TaskNotes.reminder(messages, ZH, "提交月度进展", "修订制度");
    assertThat(chinese.title()).isEqualTo("【提醒】提交月度进展即将到期");
    assertThat(chinese.body()).isEqualTo("待办「提交月度进展」（工作任务「修订制度」）即将到期，请及时办理。");
    assertThat(TaskNotes.reminder(messages, ZH, "签署责任书", null).body())
        .isEqualTo("待办「签署责任书」即将到期，请及时办理。");
  }

  @Test
  void anOverdueNoticeIsWrittenInTheReadersLanguage() {
    TaskNotes.Note english = TaskNotes.overdue(messages, EN, "研判", "2026-02-24 09:00", true);
    assertThat(english.title()).isEqualTo("[Overdue, handed to you] 研判");
    assertThat(english.body())
        .isEqualTo(
            "The task “研判” is past its deadline (2026-02-24 09:00) and not done yet; it is now handed to you.");

    assertThat(TaskNotes.overdue(messages, ZH, "研判", "2026-02-24 09:00", true))
        .isEqualTo(
            new TaskNotes.Note("【逾期转办】研判", "待办「研判」已超过办理期限（期限 2026-02-24 09:00），尚未办理，现转您办理。"));
    assertThat(TaskNotes.overdue(messages, ZH, "签署", null, false))
        .isEqualTo(new TaskNotes.Note("【逾期督促】签署", "待办「签署」已超过办理期限，尚未办理，请督促办理。"));
  }

  @Test
  void aStepsSummaryJoinsTheFormsLabelsWithTheReadersWords() {
    FormDefinition form =
        new Forms(messages)
            .parse(
                "step-summary",
                """
        { "id": "step-summary", "components": [
          { "type": "radio", "id": "Field_decision", "key": "decision", "label": "结论",
            "values": [ { "label": "同意", "value": "approve" }, { "label": "驳回", "value": "reject" } ] },
          { "type": "checkbox", "id": "Field_urgent", "key": "urgent", "label": "紧急" },
          { "type": "checklist", "id": "Field_topics", "key": "topics", "label": "议题",
            "values": [ { "label": "甲", "value": "a" }, { "label": "乙", "value": "b" } ] }
        ] }""");
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("decision", "approve");
    values.put("urgent", true);
    values.put("topics", List.of("a", "b"));

    assertThat(StepSummary.of("复核", form, values, messages, ZH)).isEqualTo("复核：结论：同意；紧急：是；议题：甲、乙");
    assertThat(StepSummary.of("复核", form, values, messages, EN))
        .isEqualTo("复核: 结论: 同意; 紧急: Yes; 议题: 甲, 乙");
    assertThat(StepSummary.of("复核", form, Map.of("urgent", false), messages, ZH))
        .isEqualTo("复核：紧急：否");
    assertThat(StepSummary.of("复核", form, Map.of(), messages, ZH)).isEqualTo("复核");
  }

  /**
   * The application's bundles, as configured in application.yml (no fallback to the machine's
   * language).
   */
  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames("i18n/messages", "i18n/forms");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }
}
