package org.duban.notification;

import java.time.LocalDate;

/**
 * The supervision office's lines of the weekly digest: open notices and overdue rectifications. The
 * ladder, which owns escalations and their notices, answers, so the notification kernel names none
 * of their tables or states.
 */
public interface DigestOfficeCounts {

  /** Notices (督办单) of escalations still open. */
  int openNotices();

  /** Rectifications of open escalations, not signed off, whose deadline was before today. */
  int overdueRectifications(LocalDate today);
}
