package org.duban.notification;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.MessageText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly digest (每周督查摘要) for the supervision office and every leader in charge of an open item.
 * Its event key names the ISO week, so a second run in the same week tells nobody again.
 */
@Service
public class WeeklyDigest {

  private static final int RED_ITEMS_LISTED = 20;

  private final DigestItems items;
  private final DigestOfficeCounts officeCounts;
  private final Notifier notifier;
  private final Recipients recipients;

  WeeklyDigest(
      DigestItems items,
      DigestOfficeCounts officeCounts,
      Notifier notifier,
      Recipients recipients) {
    this.items = items;
    this.officeCounts = officeCounts;
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
        notifier.send(
            message("digest-" + week + "-leader-" + leaderId, leader, today, forLeader(leaderId)));
        addressed++;
      }
    }
    return addressed;
  }

  /** Every open item, with the office's notices and rectifications. */
  @Transactional(readOnly = true)
  public DigestFigures forOffice(LocalDate today) {
    return figures(
        items.open(), officeCounts.openNotices(), officeCounts.overdueRectifications(today));
  }

  /** The open items this leader is in charge of (分管). */
  @Transactional(readOnly = true)
  public DigestFigures forLeader(Long leaderId) {
    return figures(items.openInChargeOf(leaderId), null, null);
  }

  private DigestFigures figures(List<DigestItems.OpenItem> open, Integer notices, Integer overdue) {
    int[] counts = new int[4];
    List<DigestFigures.RedItem> red = new ArrayList<>();
    for (DigestItems.OpenItem item : open) {
      if (item.light() == null) {
        counts[3]++;
        continue;
      }
      switch (item.light()) {
        case RED -> {
          counts[0]++;
          red.add(new DigestFigures.RedItem(item.id(), item.title(), item.leadDepartment()));
        }
        case YELLOW -> counts[1]++;
        case GREEN -> counts[2]++;
      }
    }
    return new DigestFigures(counts[0], counts[1], counts[2], counts[3], red, notices, overdue);
  }

  private List<Long> leadersInCharge() {
    return items.leadersInCharge();
  }

  private Message message(String eventKey, Set<String> to, LocalDate today, DigestFigures figures) {
    // kept as keys, worded in each reader's language; figures as strings: MessageFormat would print
    // the year as 2,026
    MessageText title =
        MessageText.of(
            "notification.digest.title",
            today.get(IsoFields.WEEK_BASED_YEAR),
            today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    List<MessageText> body = new ArrayList<>();
    body.add(
        MessageText.of(
            "notification.digest.lights",
            figures.red(),
            figures.yellow(),
            figures.green(),
            figures.unlit()));
    if (figures.openNotices() != null) {
      body.add(
          MessageText.of(
              "notification.digest.office",
              figures.openNotices(),
              figures.overdueRectifications()));
    }
    if (!figures.redItems().isEmpty()) {
      body.add(MessageText.of("notification.digest.redItems"));
      figures.redItems().stream()
          .limit(RED_ITEMS_LISTED)
          .forEach(
              item ->
                  body.add(
                      MessageText.of(
                          "notification.digest.redItem", item.title(), item.leadDepartment())));
      if (figures.redItems().size() > RED_ITEMS_LISTED) {
        body.add(
            MessageText.of(
                "notification.digest.more", figures.redItems().size() - RED_ITEMS_LISTED));
      }
    }
    return Message.worded(
        eventKey, to, null, MessageKind.DIGEST, title, MessageText.lines(body), "/supervision");
  }

  /** 2026-W49: the ISO week, so that Monday's run and a re-run on Tuesday share the key. */
  static String week(LocalDate day) {
    return day.get(IsoFields.WEEK_BASED_YEAR)
        + "-W"
        + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
