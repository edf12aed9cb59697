package org.duban.ladder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.book.ItemSummary;
import org.duban.rectification.AttachmentRow;
import org.duban.rectification.Rectification;

/**
 * An escalation with what came of it: its notices, the rectification, meeting referrals and files.
 */
public record EscalationView(
    Escalation escalation,
    ItemSummary item,
    List<SupervisionNotice> notices,
    Optional<Rectification> rectification,
    List<MeetingReferral> referrals,
    List<AttachmentRow> files,
    Map<String, String> names) {

  /** A person by name (姓名), as every page shows them; the log-in alone for someone unknown. */
  public String who(String username) {
    String name = username == null ? null : names.get(username);
    return name == null ? username : name;
  }
}
