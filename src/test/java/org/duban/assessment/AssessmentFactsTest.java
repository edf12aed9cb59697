package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.duban.RunningAppTest;
import org.duban.TestHospital;
import org.duban.infrastructure.EngineClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scores come from the items' own data: closed before or after the deadline, the indicator's
 * latest submitted reading against its target, missed check-ins, rectifications open and signed
 * off.
 */
@RunningAppTest
class AssessmentFactsTest {

  @Autowired TestHospital hospital;
  @Autowired AssessmentBooks books;
  @Autowired AssessmentService service;
  @Autowired AssessmentResults results;
  @Autowired JdbcTemplate jdbc;

  LocalDate deadline(Long itemId) {
    return jdbc.queryForObject(
        "select deadline from work_item where id = ?", LocalDate.class, itemId);
  }

  void close(Long itemId, LocalDate on) {
    jdbc.update(
        "update work_item set stage = 'CLOSED', closed_at = ? where id = ?",
        on.atTime(10, 0),
        itemId);
  }

  /**
   * A submitted check-in of the period with a reading of the item's indicator (target ≤ 6.5 days).
   */
  void reading(Long itemId, String period, String value) {
    jdbc.update(
        "insert into check_in (work_item_id, period, status, percent_done, submitted_by, recorded_at)"
            + " values (?, ?, 'SUBMITTED', 50, 'tmedhead', ?)",
        itemId,
        period,
        EngineClock.now());
    Long checkIn =
        jdbc.queryForObject(
            "select id from check_in where work_item_id = ? and period = ?",
            Long.class,
            itemId,
            period);
    Long indicator =
        jdbc.queryForObject("select id from indicator where work_item_id = ?", Long.class, itemId);
    jdbc.update(
        "insert into indicator_reading (check_in_id, indicator_id, reading) values (?, ?, ?)",
        checkIn,
        indicator,
        new java.math.BigDecimal(value));
  }

  void missed(Long itemId, String period) {
    jdbc.update(
        "insert into check_in (work_item_id, period, status, recorded_at) values (?, ?, 'MISSED', ?)",
        itemId,
        period,
        EngineClock.now());
  }

  void rectification(Long itemId, boolean signedOff) {
    jdbc.update(
        "insert into escalation (work_item_id, open_item_id, status, reason, opened_at) values (?, ?, ?, '红灯', ?)",
        itemId,
        signedOff ? null : itemId,
        signedOff ? "SIGNED_OFF" : "OPEN",
        EngineClock.now());
    Long escalation =
        jdbc.queryForObject(
            "select max(id) from escalation where work_item_id = ?", Long.class, itemId);
    jdbc.update(
        "insert into rectification (escalation_id, status, updated_at) values (?, ?, ?)",
        escalation,
        signedOff ? "SIGNED_OFF" : "PLAN_ACCEPTED",
        EngineClock.now());
  }

  AssessmentResults.ItemRow row(AssessmentResults.Overview overview, Long itemId) {
    return overview.departments().stream()
        .flatMap(d -> d.items().stream())
        .filter(i -> i.workItemId().equals(itemId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void eachItemIsScoredFromItsOwnData() {
    hospital.ensure();
    AssessmentBooks.Book book = books.issued("考核数据任务书", EngineClock.today().getYear());
    // item 1: closed the day before its deadline, the indicator met (6.3 ≤ 6.5) at the latest
    // reading
    close(book.medicalPartyItem(), deadline(book.medicalPartyItem()).minusDays(1));
    reading(book.medicalPartyItem(), "2026-01", "7.0");
    reading(book.medicalPartyItem(), "2026-02", "6.3");
    // item 2: closed three days late, the indicator missed, two check-ins missed, one rectification
    // signed off
    close(book.medicalItem(), deadline(book.medicalItem()).plusDays(3));
    reading(book.medicalItem(), "2026-02", "7.0");
    missed(book.medicalItem(), "2026-03");
    missed(book.medicalItem(), "2026-04");
    rectification(book.medicalItem(), true);
    // item 3: still open, the indicator met, a rectification open
    reading(book.nursingItem(), "2026-02", "6.0");
    rectification(book.nursingItem(), false);

    Assessment assessment =
        service.open(
            book.bookId(),
            Map.of(book.partyArea(), 30, book.medicalArea(), 70),
            hospital.user("tducha"));
    AssessmentResults.Overview overview = results.overview(assessment.getId());

    AssessmentResults.ItemRow onTime = row(overview, book.medicalPartyItem());
    assertThat(onTime.completion()).isEqualTo("ON_TIME");
    assertThat(onTime.indicatorAttainment()).isEqualTo(100);
    assertThat(onTime.finalScore()).isEqualByComparingTo("100");

    AssessmentResults.ItemRow late = row(overview, book.medicalItem());
    assertThat(late.completion()).isEqualTo("LATE");
    assertThat(late.indicatorAttainment()).isZero();
    assertThat(late.missedCheckIns()).isEqualTo(2);
    assertThat(late.rectificationsSignedOff()).isEqualTo(1);
    assertThat(late.rectificationsOpen()).isZero();
    assertThat(late.finalScore()).isEqualByComparingTo("34"); // 40 + 0 - 2 - 2×2
    assertThat(late.reasons()).contains("已完成但晚于完成时限（+40）", "未按时填报月度进展2次，每次扣2分（-4）");

    AssessmentResults.ItemRow open = row(overview, book.nursingItem());
    assertThat(open.completion()).isEqualTo("OPEN");
    assertThat(open.indicatorAttainment()).isEqualTo(100);
    assertThat(open.rectificationsOpen()).isEqualTo(1);
    // an unfinished item never gets the full indicator points: half of them
    assertThat(open.finalScore()).isEqualByComparingTo("10"); // 0 + 20 - 10

    // 测试医务部: party 100 × 30 + medical 34 × 70 over 100
    assertThat(overview.department(hospital.department("tmedical").getId()).score())
        .isEqualByComparingTo("53.80");
    assertThat(overview.department(hospital.department("tnursing").getId()).score())
        .isEqualByComparingTo("10.00");
    // the leader in charge of all three: party 100 × 30 + medical mean (34 + 10) / 2 = 22 × 70
    assertThat(overview.leaders())
        .singleElement()
        .satisfies(l -> assertThat(l.score()).isEqualByComparingTo("45.40"));
  }
}
