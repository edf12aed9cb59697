package org.duban.notification;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.MessageText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly digest (每周督查摘要) for the supervision office and every leader in charge of an open
 * item. Its event key names the ISO week, so a second run in the same week tells nobody again.
 */
@Service
public class WeeklyDigest {

  private static final int RED_ITEMS_LISTED = 20;

  private final JdbcTemplate jdbc;
  private final Notifier notifier;
  private final Recipients recipients;

  WeeklyDigest(JdbcTemplate jdbc, Notifier notifier, Recipients recipients) {
    this.jdbc = jdbc;
    this.notifier = notifier;
    this.recipients = recipients;
  }

  /** Sends this week's digests; returns how many people were addressed (told now or before). */
  @Transactional
  public int send() {
    LocalDate today = EngineClock.today();
    String week = week(today);
    int addressed = 0;
    Set<String> office = recipients.supervisionOffice();
    if (!office.isEmpty()) {
      notifier.send(message("digest-" + week + "-office", office, today, forOffice(today)));
      addressed += office.size();
    }
    for (Long leaderId : leadersInCharge()) {
      Set<String> leader = recipients.person(leaderId);
      if (!leader.isEmpty()) {
        notifier.send(message("digest-" + week + "-leader-" + leaderId, leader, today, forLeader(leaderId)));
        addressed++;
      }
    }
    return addressed;
  }

  /** Every open item, with the office's notices and rectifications. */
  @Transactional(readOnly = true)
  public DigestFigures forOffice(LocalDate today) {
    Integer notices =
        jdbc.queryForObject(
            "select count(*) from supervision_notice n join escalation e on e.id = n.escalation_id where e.status = 'OPEN'",
            Integer.class);
    Integer overdue =
        jdbc.queryForObject(
            "select count(*) from rectification r join escalation e on e.id = r.escalation_id"
                + " where e.status = 'OPEN' and r.status <> 'SIGNED_OFF' and r.deadline < ?",
            Integer.class,
            today);
    return figures("", List.of(), notices, overdue);
  }

  /** The open items this leader is in charge of (分管). */
  @Transactional(readOnly = true)
  public DigestFigures forLeader(Long leaderId) {
    return figures(" and wi.leader_in_charge_id = ?", List.of(leaderId), null, null);
  }

  private DigestFigures figures(String filter, List<Object> args, Integer notices, Integer overdue) {
    int[] counts = new int[4];
    List<DigestFigures.RedItem> red = new ArrayList<>();
    jdbc.query(
        "select wi.id, wi.title, wi.light, d.name from work_item wi join department d on d.id = wi.lead_department_id"
            + " where wi.stage not in ('DRAFT', 'CLOSED', 'CANCELLED')"
            + filter
            + " order by wi.id",
        rs -> {
          String light = rs.getString("light");
          if ("RED".equals(light)) {
            counts[0]++;
            red.add(new DigestFigures.RedItem(rs.getLong("id"), rs.getString("title"), rs.getString("name")));
          } else if ("YELLOW".equals(light)) {
            counts[1]++;
          } else if ("GREEN".equals(light)) {
            counts[2]++;
          } else {
            counts[3]++;
          }
        },
        args.toArray());
    return new DigestFigures(counts[0], counts[1], counts[2], counts[3], red, notices, overdue);
  }

  private List<Long> leadersInCharge() {
    return jdbc.queryForList(
        "select distinct leader_in_charge_id from work_item where stage not in ('DRAFT', 'CLOSED', 'CANCELLED') order by leader_in_charge_id",
        Long.class);
  }

  private Message message(String eventKey, Set<String> to, LocalDate today, DigestFigures figures) {
    // kept as keys, worded in each reader's language; figures as strings: MessageFormat would print the year as 2,026
    MessageText title =
        MessageText.of(
            "notification.digest.title",
            today.get(IsoFields.WEEK_BASED_YEAR),
            today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    List<MessageText> body = new ArrayList<>();
    body.add(MessageText.of("notification.digest.lights", figures.red(), figures.yellow(), figures.green(), figures.unlit()));
    if (figures.openNotices() != null) {
      body.add(MessageText.of("notification.digest.office", figures.openNotices(), figures.overdueRectifications()));
    }
    if (!figures.redItems().isEmpty()) {
      body.add(MessageText.of("notification.digest.redItems"));
      figures.redItems().stream()
          .limit(RED_ITEMS_LISTED)
          .forEach(item -> body.add(MessageText.of("notification.digest.redItem", item.title(), item.leadDepartment())));
      if (figures.redItems().size() > RED_ITEMS_LISTED) {
        body.add(MessageText.of("notification.digest.more", figures.redItems().size() - RED_ITEMS_LISTED));
      }
    }
    return Message.worded(eventKey, to, null, MessageKind.DIGEST, title, MessageText.lines(body), "/supervision");
  }

  /** 2026-W49: the ISO week, so that Monday's run and a re-run on Tuesday share the key. */
  static String week(LocalDate day) {
    return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
