package org.duban.checkin;

import org.duban.book.ReportCounts;
import org.springframework.stereotype.Component;

/** Tells the book how many check-ins an item has submitted (for 未填报 on its pages). */
@Component
class SubmittedCheckInCounts implements ReportCounts {

  private final CheckInRepository checkIns;

  SubmittedCheckInCounts(CheckInRepository checkIns) {
    this.checkIns = checkIns;
  }

  @Override
  public long submittedCheckIns(Long itemId) {
    return checkIns.countByWorkItemIdAndStatus(itemId, CheckIn.Status.SUBMITTED);
  }
}
