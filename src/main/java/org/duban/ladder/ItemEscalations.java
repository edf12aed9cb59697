package org.duban.ladder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.duban.book.WorkItemQueries;
import org.duban.org.PersonRepository;
import org.duban.rectification.AttachmentRow;
import org.duban.rectification.Rectification;
import org.duban.rectification.RectificationAttachmentRepository;
import org.duban.rectification.RectificationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of the ladder: an item's escalations with what came of each, for pages and exports. */
@Service
public class ItemEscalations {

  private final EscalationRepository escalations;
  private final SupervisionNoticeRepository notices;
  private final RectificationRepository rectifications;
  private final MeetingReferralRepository referrals;
  private final RectificationAttachmentRepository files;
  private final WorkItemQueries items;
  private final PersonRepository people;

  ItemEscalations(
      EscalationRepository escalations,
      SupervisionNoticeRepository notices,
      RectificationRepository rectifications,
      MeetingReferralRepository referrals,
      RectificationAttachmentRepository files,
      WorkItemQueries items,
      PersonRepository people) {
    this.escalations = escalations;
    this.notices = notices;
    this.rectifications = rectifications;
    this.referrals = referrals;
    this.files = files;
    this.items = items;
    this.people = people;
  }

  /** The item's escalations, latest first. */
  @Transactional(readOnly = true)
  public List<EscalationView> ofItem(Long itemId) {
    return escalations.findByWorkItemIdOrderByOpenedAtDesc(itemId).stream()
        .map(this::view)
        .toList();
  }

  /** The numbers of the notices (督办单) of the item's open escalations, latest escalation first. */
  @Transactional(readOnly = true)
  public List<String> openNoticeNumbers(Long itemId) {
    return escalations.findByWorkItemIdOrderByOpenedAtDesc(itemId).stream()
        .filter(Escalation::isOpen)
        .flatMap(e -> notices.findByEscalationIdOrderByIssuedAtAsc(e.getId()).stream())
        .map(SupervisionNotice::number)
        .toList();
  }

  @Transactional(readOnly = true)
  public EscalationView view(Escalation escalation) {
    Optional<Rectification> rectification = rectifications.findByEscalationId(escalation.getId());
    List<AttachmentRow> filesOf = rectification.map(r -> files.listOf(r.getId())).orElse(List.of());
    // who signed off and who uploaded are kept as log-ins; the page names them as the timeline does
    Map<String, String> names = new HashMap<>();
    Stream.concat(
            rectification.map(Rectification::getSignedOffBy).stream(),
            filesOf.stream().map(AttachmentRow::uploadedBy))
        .filter(Objects::nonNull)
        .distinct()
        .forEach(
            username ->
                people
                    .findByUsername(username)
                    .ifPresent(p -> names.put(username, p.getFullName())));
    return new EscalationView(
        escalation,
        items.summary(escalation.getWorkItemId()),
        notices.findByEscalationIdOrderByIssuedAtAsc(escalation.getId()),
        rectification,
        referrals.findByEscalationIdOrderByReferredAtAsc(escalation.getId()),
        filesOf,
        Map.copyOf(names));
  }
}
