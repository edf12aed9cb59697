package org.duban.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Texts kept as keys and arguments: stored as JSON, read back, worded per language; older rows keep
 * their words.
 */
class MessageTextTest {

  private final MessageText lightSet =
      MessageText.of(
          "history.lightSet", MessageText.of("light.RED"), MessageText.of("lightReason.GAP_30"));

  @Test
  void argumentsSurviveTheirColumnWithTextsInside() {
    MessageText text =
        MessageText.of(
            "ladder.meeting.reason", MessageText.of("ladder.missed.plan"), "进度{0}'慢'", null, 7);
    MessageText back = MessageText.stored(text.key(), text.argsJson());
    assertThat(back).isEqualTo(text);
    assertThat(back.args())
        .containsExactly(MessageText.of("ladder.missed.plan"), "进度{0}'慢'", "", "7");
  }

  @Test
  void aTextIsWordedInTheReadersLanguageAndItsCodesThroughTheirOwnKeys() {
    assertThat(lightSet.in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("红灯：进度落后序时进度30个百分点及以上");
    assertThat(lightSet.in(Locale.ENGLISH))
        .isEqualTo("Red: Progress 30 or more percentage points behind schedule");
  }

  @Test
  void peoplesWordsAreShownAsTheyAreEvenWithBracesAndQuotes() {
    MessageText notice =
        MessageText.of(
            "history.noticeIssued",
            MessageText.of("ladder.notice.number", 2026, 3),
            "请于'周五'前{0}提交");
    assertThat(notice.in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("督〔2026〕3号：请于'周五'前{0}提交");
    assertThat(notice.in(Locale.ENGLISH))
        .isEqualTo("Supervision notice [2026] No. 3: 请于'周五'前{0}提交");
  }

  @Test
  void linesAreWordedOneByOneAndSurviveTheirColumn() {
    MessageText body =
        MessageText.lines(
            List.of(
                MessageText.of("notification.digest.redItems"),
                MessageText.of("notification.digest.redItem", "缩短平均住院日", "医务部")));
    assertThat(MessageText.stored(body.key(), body.argsJson()).in(Locale.ENGLISH))
        .isEqualTo("Red items:\n- 缩短平均住院日 (lead: 医务部)");
    assertThat(body.in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("红灯事项：\n· 缩短平均住院日（牵头：医务部）");
  }

  @Test
  void aRowWithoutAKeyShowsTheWordsItWasStoredWith() {
    assertThat(MessageText.stored(null, null)).isNull();
    assertThat(MessageTexts.stored(null, null, "红灯：旧的原因")).isEqualTo("红灯：旧的原因");
    assertThat(MessageTexts.stored("lightReason.GAP_30", "[]", "旧")).isEqualTo("进度落后序时进度30个百分点及以上");
    assertThat(MessageText.stored("k", null).args()).isEqualTo(List.of());
  }
}
