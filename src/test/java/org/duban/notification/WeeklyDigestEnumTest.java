package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.duban.IssuedItemFixture;
import org.duban.book.ItemStage;
import org.duban.book.Light;
import org.duban.book.TaskBook;
import org.duban.ladder.Escalation;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.duban.org.Role;
import org.duban.rectification.Rectification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The digest's queries match every value of the enums they read, as the database stores them (the
 * constant's name): each stage is counted exactly when the book calls it open, each light in its
 * own bucket, each escalation and rectification state as the ladder means it. The old raw SQL
 * spelled 'RED', 'CLOSED', 'OPEN', 'SIGNED_OFF' as strings; renaming one of those constants kept it
 * compiling and miscounted, which these tests catch.
 */
class WeeklyDigestEnumTest extends NotificationTestSupport {

  @Autowired WeeklyDigest digest;
  @Autowired IssuedItemFixture fixture;
  @Autowired PersonRepository people;

  @Test
  void everyStageAndEveryLightIsCountedAsTheBookMeansIt() {
    Person leader = leader();
    TaskBook book = fixture.draft("摘要枚举任务书");
    List<String> openRed = new ArrayList<>();
    int seq = 0;
    for (ItemStage stage : ItemStage.values()) {
      for (Light light : lightsAndUnlit()) {
        String title = "枚举事项 " + stage + " " + light;
        long id = fixture.addItem(book, String.valueOf(++seq), title).getId();
        jdbc.update(
            "update work_item set stage = ?, light = ?, leader_in_charge_id = ? where id = ?",
            stage.name(),
            light == null ? null : light.name(),
            leader.getId(),
            id);
        if (stage.isOpen() && light == Light.RED) {
          openRed.add(title);
        }
      }
    }
    int open = (int) Arrays.stream(ItemStage.values()).filter(ItemStage::isOpen).count();

    DigestFigures mine = digest.forLeader(leader.getId());

    assertThat(List.of(mine.red(), mine.yellow(), mine.green(), mine.unlit()))
        .containsExactly(open, open, open, open);
    assertThat(mine.redItems())
        .extracting(DigestFigures.RedItem::title)
        .containsExactlyElementsOf(openRed);
  }

  @Test
  void theOfficeCountsNoticesAndOverdueRectificationsOfOpenEscalationsInEveryState() {
    LocalDate today = MORNING.toLocalDate();
    DigestFigures before = digest.forOffice(today);
    TaskBook book = fixture.draft("摘要枚举督办任务书");
    int seq = 0;
    int expectedNotices = 0;
    int expectedOverdue = 0;
    for (Escalation.Status escalation : Escalation.Status.values()) {
      for (Rectification.Status rectification : Rectification.Status.values()) {
        long item =
            fixture
                .addItem(book, String.valueOf(++seq), "督办枚举事项 " + escalation + " " + rectification)
                .getId();
        boolean open = escalation == Escalation.Status.OPEN;
        jdbc.update(
            "insert into escalation (work_item_id, open_item_id, status, reason, opened_at) values (?, ?, ?, '红灯', ?)",
            item,
            open ? item : null,
            escalation.name(),
            MORNING.minusDays(20));
        Long escalationId =
            jdbc.queryForObject(
                "select max(id) from escalation where work_item_id = ?", Long.class, item);
        jdbc.update(
            "insert into supervision_notice (escalation_id, work_item_id, department_id, notice_year, seq, requirement,"
                + " deadline, issued_by, issued_at) values (?, ?, ?, 2094, ?, '请整改', ?, 'tducha', ?)",
            escalationId,
            item,
            hospital.department("tmedical").getId(),
            (int) (escalationId % 1_000_000),
            today.minusDays(5),
            MORNING.minusDays(19));
        // one day overdue; the same rectification a day later would not be
        jdbc.update(
            "insert into rectification (escalation_id, status, deadline, updated_at) values (?, ?, ?, ?)",
            escalationId,
            rectification.name(),
            today.minusDays(1),
            MORNING.minusDays(10));
        if (open) {
          expectedNotices++;
          if (rectification != Rectification.Status.SIGNED_OFF) {
            expectedOverdue++;
          }
        }
      }
    }

    DigestFigures after = digest.forOffice(today);

    assertThat(after.openNotices() - before.openNotices()).isEqualTo(expectedNotices);
    assertThat(after.overdueRectifications() - before.overdueRectifications())
        .isEqualTo(expectedOverdue);
    assertThat(expectedOverdue).isEqualTo(Rectification.Status.values().length - 1);
  }

  private static List<Light> lightsAndUnlit() {
    List<Light> lights = new ArrayList<>(Arrays.asList(Light.values()));
    lights.add(null);
    return lights;
  }

  private Person leader() {
    return people.save(
        new Person(
            "tdenum" + UUID.randomUUID().toString().substring(0, 8),
            "摘要枚举院领导",
            null,
            "unused",
            hospital.department("tleaders"),
            EnumSet.of(Role.LEADER)));
  }
}
