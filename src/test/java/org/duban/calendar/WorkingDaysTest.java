package org.duban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Working days on the seeded calendar (the State Council's arrangements for 2025 and 2026). */
class WorkingDaysTest {

  static final WorkingDays CALENDAR = WorkingDays.seed();

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void springFestival2026CountsTheWorkedSaturdayAndSkipsTheNineDaysOff() {
    // 2026-02-14 is a Saturday worked instead (调休上班); 15th to 23rd are off
    assertThat(CALENDAR.isWorkingDay(d("2026-02-14"))).isTrue();
    assertThat(CALENDAR.addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
    assertThat(CALENDAR.addWorkingDays(d("2026-02-14"), 1)).isEqualTo(d("2026-02-24"));
    assertThat(CALENDAR.addWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
    for (LocalDate day = d("2026-02-15"); !day.isAfter(d("2026-02-23")); day = day.plusDays(1)) {
      assertThat(CALENDAR.isWorkingDay(day)).as(day.toString()).isFalse();
    }
    // and the Saturday after (28th) is worked too: Tuesday 24th to Sunday 1st March has five
    // working days
    assertThat(CALENDAR.workingDaysBetween(d("2026-02-23"), d("2026-03-01"))).isEqualTo(5);
    assertThat(CALENDAR.isWorkingDay(d("2026-02-28"))).isTrue();
  }

  @Test
  void nationalDay2026() {
    assertThat(CALENDAR.addWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
    assertThat(CALENDAR.isWorkingDay(d("2026-10-10"))).as("Saturday worked instead").isTrue();
    assertThat(CALENDAR.isWorkingDay(d("2026-09-20"))).as("Sunday worked instead").isTrue();
    assertThat(CALENDAR.isWorkingDay(d("2026-10-11"))).as("ordinary Sunday").isFalse();
    assertThat(CALENDAR.addWorkingDays(d("2026-10-09"), 1)).isEqualTo(d("2026-10-10"));
    assertThat(CALENDAR.addWorkingDays(d("2026-10-10"), 1)).isEqualTo(d("2026-10-12"));
    assertThat(CALENDAR.nextWorkingDay(d("2026-10-05"))).isEqualTo(d("2026-10-08"));
    assertThat(CALENDAR.nextWorkingDay(d("2026-10-08"))).isEqualTo(d("2026-10-08"));
  }

  @Test
  void aWorkedWeekendAroundLabourDay2025() {
    // Sunday 2025-04-27 is worked; 1st to 5th May are off
    assertThat(CALENDAR.isWorkingDay(d("2025-04-26"))).isFalse();
    assertThat(CALENDAR.isWorkingDay(d("2025-04-27"))).isTrue();
    assertThat(CALENDAR.addWorkingDays(d("2025-04-25"), 1)).isEqualTo(d("2025-04-27"));
    assertThat(CALENDAR.addWorkingDays(d("2025-04-30"), 1)).isEqualTo(d("2025-05-06"));
    assertThat(CALENDAR.minusWorkingDays(d("2025-04-28"), 1)).isEqualTo(d("2025-04-27"));
  }

  @Test
  void ordinaryWeeksWorkMondayToFriday() {
    // 2026-03-06 is a Friday, 2026-03-09 a Monday
    assertThat(CALENDAR.addWorkingDays(d("2026-03-06"), 1)).isEqualTo(d("2026-03-09"));
    assertThat(CALENDAR.addWorkingDays(d("2026-03-06"), 5)).isEqualTo(d("2026-03-13"));
    assertThat(CALENDAR.addWorkingDays(d("2026-03-07"), 0)).isEqualTo(d("2026-03-09"));
    assertThat(CALENDAR.addWorkingDays(d("2026-03-06"), 0)).isEqualTo(d("2026-03-06"));
  }

  @Test
  void yearBoundaries() {
    // 2025-12-31 (Wed) + 1: New Year's Day 2026 and the weekend are off, Sunday 4th is worked
    assertThat(CALENDAR.addWorkingDays(d("2025-12-31"), 1)).isEqualTo(d("2026-01-04"));
    assertThat(CALENDAR.addWorkingDays(d("2025-12-31"), 2)).isEqualTo(d("2026-01-05"));
    assertThat(CALENDAR.minusWorkingDays(d("2026-01-04"), 1)).isEqualTo(d("2025-12-31"));
    assertThat(CALENDAR.workingDaysBetween(d("2025-12-31"), d("2026-01-05"))).isEqualTo(2);
    // 2024-12-31 + 1 = 2025-01-02 (New Year's Day 2025 is a Wednesday)
    assertThat(CALENDAR.addWorkingDays(d("2024-12-31"), 1)).isEqualTo(d("2025-01-02"));
  }

  @Test
  void minusWorkingDaysCountsBackOverHolidays() {
    assertThat(CALENDAR.minusWorkingDays(d("2026-10-08"), 1)).isEqualTo(d("2026-09-30"));
    assertThat(CALENDAR.minusWorkingDays(d("2026-02-24"), 1)).isEqualTo(d("2026-02-14"));
    assertThat(CALENDAR.minusWorkingDays(d("2026-02-24"), 2)).isEqualTo(d("2026-02-13"));
    assertThat(CALENDAR.minusWorkingDays(d("2026-03-09"), 1)).isEqualTo(d("2026-03-06"));
    assertThat(CALENDAR.minusWorkingDays(d("2026-03-09"), -1)).isEqualTo(d("2026-03-10"));
  }

  @Test
  void workingDaysBetweenIsHalfOpenAndSigned() {
    assertThat(CALENDAR.workingDaysBetween(d("2026-09-30"), d("2026-10-08"))).isEqualTo(1);
    assertThat(CALENDAR.workingDaysBetween(d("2026-10-08"), d("2026-09-30"))).isEqualTo(-1);
    assertThat(CALENDAR.workingDaysBetween(d("2026-03-09"), d("2026-03-09"))).isZero();
    // a whole ordinary week
    assertThat(CALENDAR.workingDaysBetween(d("2026-03-08"), d("2026-03-15"))).isEqualTo(5);
    // the whole of 2026: 261 weekdays, 19 of them holidays, plus 6 weekend days worked instead
    assertThat(CALENDAR.workingDaysBetween(d("2025-12-31"), d("2026-12-31"))).isEqualTo(248);
  }

  @Test
  void aRowOverridesTheWeekday() {
    WorkingDays calendar =
        WorkingDays.of(
            List.of(
                new SpecialDay(d("2030-01-07"), DayKind.HOLIDAY, "test", "", false),
                new SpecialDay(d("2030-01-05"), DayKind.WORKDAY, "test", "", false)));
    assertThat(calendar.isWorkingDay(d("2030-01-07"))).as("Monday off").isFalse();
    assertThat(calendar.isWorkingDay(d("2030-01-05"))).as("Saturday worked").isTrue();
    assertThat(calendar.addWorkingDays(d("2030-01-04"), 2)).isEqualTo(d("2030-01-08"));
  }

  @Test
  void theSeedMarks2027AsProvisionalAndTheEarlierYearsAsPublished() {
    List<SpecialDay> seed = HolidaySeed.read();
    assertThat(seed)
        .filteredOn(day -> day.date().getYear() == 2027)
        .isNotEmpty()
        .allSatisfy(
            day -> {
              assertThat(day.provisional()).isTrue();
              assertThat(day.source()).contains("预估");
            });
    assertThat(seed)
        .filteredOn(day -> day.date().getYear() < 2027)
        .isNotEmpty()
        .noneMatch(SpecialDay::provisional);
    assertThat(seed)
        .filteredOn(day -> day.kind() == DayKind.WORKDAY)
        .allSatisfy(
            day -> assertThat(day.date().getDayOfWeek().getValue()).isGreaterThanOrEqualTo(6));
  }
}
