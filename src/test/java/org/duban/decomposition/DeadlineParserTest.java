package org.duban.decomposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlineParserTest {

  private static final LocalDate END_OF_JUNE = LocalDate.of(2026, 6, 30);

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "2026-06-30",
        "2026-6-30",
        "2026/6/30",
        "2026/06/30",
        "2026.6.30",
        "2026年6月30日",
        "2026年06月30日",
        "2026年6月30号",
        " 2026 年 6 月 30 日 ",
        "２０２６年６月３０日",
        "2026－06－30",
        "2026-06-30 00:00:00",
        "2026/6/30 0:00"
      })
  void theWrittenFormsOfADayAreRead(String text) {
    // When a deadline written as text in a usual way is parsed
    // Then it is that day
    assertThat(DeadlineParser.parse(text)).contains(END_OF_JUNE);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "2026年6月底",
        "6月30日",
        "2026年6月",
        "下半年",
        "2026-02-30",
        "2026-13-01",
        "2026/6-30",
        "30/6/2026",
        "2026-06-30T00:00",
        "46203",
        "20260630",
        "长期坚持"
      })
  void textThatIsNoDayIsRefused(String text) {
    // When a deadline that names no single day (or a day that does not exist) is parsed
    // Then there is no date, rather than a guess
    assertThat(DeadlineParser.parse(text)).isEmpty();
  }

  @Test
  void nullIsNoDate() {
    assertThat(DeadlineParser.parse(null)).isEmpty();
  }

  @Test
  void leapDaysExistOnlyInLeapYears() {
    assertThat(DeadlineParser.parse("2028年2月29日")).contains(LocalDate.of(2028, 2, 29));
    assertThat(DeadlineParser.parse("2026/2/29")).isEmpty();
  }
}
