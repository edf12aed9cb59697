package org.duban.ladder;

import java.util.LinkedHashSet;
import java.util.Set;
import org.duban.book.WorkItem;
import org.duban.notification.Recipients;
import org.springframework.stereotype.Component;

/**
 * Who hears of a ladder step: the lead department's heads, and from the red notice on the leader in
 * charge.
 */
@Component
class LadderAudience {

  private final Recipients recipients;

  LadderAudience(Recipients recipients) {
    this.recipients = recipients;
  }

  Set<String> leadHeads(WorkItem item) {
    return recipients.headsOf(item.getLeadDepartment().getId());
  }

  Set<String> leadHeadsAndLeader(WorkItem item) {
    return withLeader(leadHeads(item), item);
  }

  Set<String> officeAndLeader(WorkItem item) {
    return withLeader(recipients.supervisionOffice(), item);
  }

  private static Set<String> withLeader(Set<String> people, WorkItem item) {
    Set<String> to = new LinkedHashSet<>(people);
    if (item.getLeaderInCharge() != null) {
      to.add(item.getLeaderInCharge().getUsername());
    }
    return to;
  }
}
