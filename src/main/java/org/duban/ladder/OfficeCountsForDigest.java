package org.duban.ladder;

import java.time.LocalDate;
import org.duban.notification.DigestOfficeCounts;
import org.springframework.stereotype.Component;

/** The weekly digest's office lines, counted by the ladder that owns escalations and notices. */
@Component
class OfficeCountsForDigest implements DigestOfficeCounts {

  private final SupervisionNoticeRepository notices;
  private final RectificationCounts rectifications;

  OfficeCountsForDigest(SupervisionNoticeRepository notices, RectificationCounts rectifications) {
    this.notices = notices;
    this.rectifications = rectifications;
  }

  @Override
  public int openNotices() {
    return (int) notices.countOfEscalationsIn(Escalation.Status.OPEN);
  }

  @Override
  public int overdueRectifications(LocalDate today) {
    return rectifications.overdue(today);
  }
}
