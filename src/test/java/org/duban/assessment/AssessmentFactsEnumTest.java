package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duban.IssuedItemFixture;
import org.duban.book.TaskBook;
import org.duban.book.WorkItem;
import org.duban.checkin.CheckIn;
import org.duban.checkin.CheckInFigures;
import org.duban.infrastructure.EngineClock;
import org.duban.ladder.Escalation;
import org.duban.ladder.RectificationCounts;
import org.duban.rectification.Rectification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The assessment's facts match every value of the states they count, as the database stores them
 * (the constant's name): the old raw SQL spelled 'SUBMITTED', 'MISSED', 'OPEN' and 'SIGNED_OFF' as
 * strings, so renaming one of those constants compiled and scored wrongly; these tests catch it.
 */
@SpringBootTest
@ActiveProfiles("test")
class AssessmentFactsEnumTest {

  @Autowired IssuedItemFixture fixture;
  @Autowired RectificationCounts rectifications;
  @Autowired CheckInFigures checkIns;
  @Autowired JdbcTemplate jdbc;

  @Test
  void rectificationsAreOpenOrSignedOffInEveryStateOfTheirEscalation() {
    TaskBook book = fixture.draft("考核枚举整改任务书");
    int seq = 0;
    for (Escalation.Status escalation : Escalation.Status.values()) {
      for (Rectification.Status rectification : Rectification.Status.values()) {
        long item =
            fixture
                .addItem(book, String.valueOf(++seq), "整改枚举 " + escalation + " " + rectification)
                .getId();
        boolean open = escalation == Escalation.Status.OPEN;
        jdbc.update(
            "insert into escalation (work_item_id, open_item_id, status, reason, opened_at) values (?, ?, ?, '红灯', ?)",
            item,
            open ? item : null,
            escalation.name(),
            EngineClock.now());
        Long escalationId =
            jdbc.queryForObject(
                "select max(id) from escalation where work_item_id = ?", Long.class, item);
        jdbc.update(
            "insert into rectification (escalation_id, status, updated_at) values (?, ?, ?)",
            escalationId,
            rectification.name(),
            EngineClock.now());

        Map<Long, Integer> openCounts = rectifications.openByItem(List.of(item));
        Map<Long, Integer> signedOffCounts = rectifications.signedOffByItem(List.of(item));
        boolean signedOff = rectification == Rectification.Status.SIGNED_OFF;
        assertThat(openCounts.getOrDefault(item, 0))
            .as(escalation + "/" + rectification)
            .isEqualTo(open && !signedOff ? 1 : 0);
        assertThat(signedOffCounts.getOrDefault(item, 0))
            .as(escalation + "/" + rectification)
            .isEqualTo(signedOff ? 1 : 0);
      }
    }
  }

  @Test
  void onlySubmittedCheckInsGiveReadingsAndOnlyMissedOnesCountAsMissed() {
    TaskBook book = fixture.draft("考核枚举填报任务书");
    WorkItem item = fixture.addItem(book, "1", "填报枚举事项");
    Long indicator =
        jdbc.queryForObject(
            "select id from indicator where work_item_id = ?", Long.class, item.getId());
    // one check-in per state, the later months in the other states: only the submitted one's
    // reading counts
    List<CheckIn.Status> states = new ArrayList<>(List.of(CheckIn.Status.SUBMITTED));
    for (CheckIn.Status status : CheckIn.Status.values()) {
      if (status != CheckIn.Status.SUBMITTED) {
        states.add(status);
      }
    }
    int month = 0;
    for (CheckIn.Status status : states) {
      String period = String.format("2031-%02d", ++month);
      jdbc.update(
          "insert into check_in (work_item_id, period, status, recorded_at) values (?, ?, ?, ?)",
          item.getId(),
          period,
          status.name(),
          EngineClock.now());
      Long checkIn =
          jdbc.queryForObject(
              "select id from check_in where work_item_id = ? and period = ?",
              Long.class,
              item.getId(),
              period);
      jdbc.update(
          "insert into indicator_reading (check_in_id, indicator_id, reading) values (?, ?, ?)",
          checkIn,
          indicator,
          new BigDecimal(month));
    }

    assertThat(checkIns.latestSubmittedReadings(List.of(indicator)).get(indicator))
        .isEqualByComparingTo("1");
    assertThat(checkIns.missedByItem(List.of(item.getId()))).containsEntry(item.getId(), 1);
  }
}
