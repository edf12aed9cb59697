package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.duban.IssuedItemFixture;
import org.duban.book.TaskBook;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

/** The weekly digest: the office's and a leader's figures, and nothing new on a second run. */
class WeeklyDigestTest extends NotificationTestSupport {

  @Autowired WeeklyDigest digest;
  @Autowired IssuedItemFixture fixture;
  @Autowired PersonRepository people;
  @Autowired InboxEntryRepository entries;

  /** A week of its own: other tests in the shared context may send this week's digest already. */
  private static final java.time.LocalDateTime WEDNESDAY =
      java.time.LocalDateTime.of(2033, 3, 9, 10, 0);

  @Test
  void theOfficeAndALeaderInChargeGetTheirFiguresOnceAWeek() {
    at(WEDNESDAY);
    Person leader =
        people.save(
            new Person(
                "tdigest" + UUID.randomUUID().toString().substring(0, 8),
                "摘要测试院领导",
                null,
                "unused",
                hospital.department("tleaders"),
                EnumSet.of(Role.LEADER)));
    DigestFigures officeBefore = digest.forOffice(WEDNESDAY.toLocalDate());

    TaskBook book = fixture.draft("摘要测试任务书");
    long red = item(book, "1", "缩短平均住院日", "RED", leader);
    item(book, "2", "提升门诊预约率", "YELLOW", leader);
    item(book, "3", "降低药占比", "GREEN", leader);
    item(book, "4", "科研经费执行率", "GREEN", leader);
    long closedRed = item(book, "5", "已办结事项", "RED", leader);
    jdbc.update("update work_item set stage = 'CLOSED' where id = ?", closedRed);
    // an open escalation of the red item with a notice and a rectification past its deadline
    jdbc.update(
        "insert into escalation (work_item_id, open_item_id, status, reason, opened_at) values (?, ?, 'OPEN', '红灯', ?)",
        red,
        red,
        WEDNESDAY.minusDays(20));
    Long escalation =
        jdbc.queryForObject("select id from escalation where open_item_id = ?", Long.class, red);
    jdbc.update(
        "insert into supervision_notice (escalation_id, work_item_id, department_id, notice_year, seq, requirement, deadline,"
            + " issued_by, issued_at) values (?, ?, ?, 2093, ?, '请整改', ?, 'tducha', ?)",
        escalation,
        red,
        hospital.department("tmedical").getId(),
        (int) (red % 100000),
        WEDNESDAY.toLocalDate().minusDays(5),
        WEDNESDAY.minusDays(19));
    jdbc.update(
        "insert into rectification (escalation_id, status, deadline, updated_at) values (?, 'PLAN_ACCEPTED', ?, ?)",
        escalation,
        WEDNESDAY.toLocalDate().minusDays(1),
        WEDNESDAY.minusDays(10));

    int addressed = digest.send();

    // the leader: exactly their four open items, the red one named with its lead department
    DigestFigures mine = digest.forLeader(leader.getId());
    assertThat(List.of(mine.red(), mine.yellow(), mine.green(), mine.unlit()))
        .containsExactly(1, 1, 2, 0);
    assertThat(mine.redItems()).extracting(DigestFigures.RedItem::title).containsExactly("缩短平均住院日");
    assertThat(mine.redItems().get(0).leadDepartment()).isEqualTo("测试医务部");
    InboxEntry leaderEntry = onlyEntryOf(leader.getUsername());
    assertThat(leaderEntry.getMessage().getKind()).isEqualTo(MessageKind.DIGEST);
    assertThat(leaderEntry.getMessage().getTitle()).isEqualTo("每周督查摘要（2033年第10周）");
    assertThat(leaderEntry.getMessage().getBody())
        .contains("红灯 1 项，黄灯 1 项，绿灯 2 项")
        .contains("缩短平均住院日（牵头：测试医务部）")
        .doesNotContain("已办结事项")
        .doesNotContain("督办单");
    // kept as keys: a reader of English gets it in English, line by line
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    try {
      assertThat(leaderEntry.getMessage().getTitle())
          .isEqualTo("Weekly supervision digest (2033, week 10)");
      assertThat(leaderEntry.getMessage().getBody())
          .contains("\n")
          .doesNotContain("红灯")
          .contains("缩短平均住院日");
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }

    // the office: everything open, with one more red item, notice and overdue rectification
    DigestFigures office = digest.forOffice(WEDNESDAY.toLocalDate());
    assertThat(office.red()).isEqualTo(officeBefore.red() + 1);
    assertThat(office.yellow()).isEqualTo(officeBefore.yellow() + 1);
    assertThat(office.green()).isEqualTo(officeBefore.green() + 2);
    assertThat(office.openNotices()).isEqualTo(officeBefore.openNotices() + 1);
    assertThat(office.overdueRectifications()).isEqualTo(officeBefore.overdueRectifications() + 1);
    String officeBody = onlyEntryOf("tducha").getMessage().getBody();
    assertThat(officeBody)
        .contains("红灯 " + office.red() + " 项")
        .contains(
            "未办结督办单 "
                + office.openNotices()
                + " 份，逾期未完成整改 "
                + office.overdueRectifications()
                + " 项")
        .contains("缩短平均住院日（牵头：测试医务部）");
    assertThat(addressed).isGreaterThanOrEqualTo(2);

    // a second run in the same week (Thursday) tells nobody again
    long entriesBefore = entries.count();
    at(WEDNESDAY.plusDays(1)); // Thursday
    digest.send();
    assertThat(entries.count()).isEqualTo(entriesBefore);
    assertThat(
            entries.findAll().stream().filter(e -> e.getRecipient().equals(leader.getUsername())))
        .hasSize(1);
  }

  private long item(TaskBook book, String seq, String title, String light, Person leader) {
    long id = fixture.addItem(book, seq, title).getId();
    jdbc.update(
        "update work_item set stage = 'IN_PROGRESS', light = ?, leader_in_charge_id = ? where id = ?",
        light,
        leader.getId(),
        id);
    return id;
  }

  private InboxEntry onlyEntryOf(String username) {
    return entries.findAll().stream()
        .filter(
            e ->
                e.getRecipient().equals(username) && e.getMessage().getKind() == MessageKind.DIGEST)
        .filter(e -> e.getMessage().getEventKey().startsWith("digest-2033-W10"))
        .reduce(
            (a, b) -> {
              throw new AssertionError("more than one digest for " + username);
            })
        .orElseThrow();
  }
}
