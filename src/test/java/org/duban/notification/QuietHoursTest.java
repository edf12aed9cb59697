package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  private final QuietHours night = QuietHours.DEFAULT;

  @Test
  void aWindowAcrossMidnightHoldsLateEveningAndEarlyMorning() {
    assertThat(night.contains(LocalTime.of(21, 59))).isFalse();
    assertThat(night.contains(LocalTime.of(22, 0))).isTrue();
    assertThat(night.contains(LocalTime.of(3, 0))).isTrue();
    assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
  }

  @Test
  void aMessageInQuietHoursWaitsUntilTheyEnd() {
    assertThat(night.nextAllowed(LocalDateTime.of(2026, 12, 2, 23, 10)))
        .isEqualTo(LocalDateTime.of(2026, 12, 3, 7, 0));
    assertThat(night.nextAllowed(LocalDateTime.of(2026, 12, 3, 5, 0)))
        .isEqualTo(LocalDateTime.of(2026, 12, 3, 7, 0));
    assertThat(night.nextAllowed(LocalDateTime.of(2026, 12, 3, 9, 0)))
        .isEqualTo(LocalDateTime.of(2026, 12, 3, 9, 0));
  }

  @Test
  void aDaytimeWindowAndNoWindow() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30));
    assertThat(lunch.nextAllowed(LocalDateTime.of(2026, 12, 3, 12, 15)))
        .isEqualTo(LocalDateTime.of(2026, 12, 3, 13, 30));
    assertThat(lunch.contains(LocalTime.of(13, 30))).isFalse();
    QuietHours none = new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0));
    assertThat(none.contains(LocalTime.of(8, 0))).isFalse();
  }
}
