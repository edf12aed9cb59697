package org.duban.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A notice's requirement ends its sentence before the deadline sentence follows it. */
class NoticeTextTest {

  @Test
  void aRequirementWithoutFinalPunctuationGetsAFullStop() {
    assertThat(EscalationService.sentence("请药学部提交整改方案 ")).isEqualTo("请药学部提交整改方案。");
  }

  @Test
  void aRequirementThatEndsItsSentenceStaysAsItIs() {
    assertThat(EscalationService.sentence("请于期限内提交！")).isEqualTo("请于期限内提交！");
    assertThat(EscalationService.sentence("请整改；")).isEqualTo("请整改；");
  }
}
