package org.duban.supervision;

import org.duban.rectification.AttachmentRow;
import org.duban.ladder.Escalation;
import org.duban.ladder.EscalationRepository;
import org.duban.light.LightAssessment;
import org.duban.light.LightAssessmentRepository;
import org.duban.ladder.MeetingReferral;
import org.duban.ladder.MeetingReferralRepository;
import org.duban.rectification.Rectification;
import org.duban.rectification.RectificationAttachmentRepository;
import org.duban.rectification.RectificationRepository;
import org.duban.ladder.SupervisionNotice;
import org.duban.ladder.SupervisionNoticeRepository;

import java.util.List;
import java.util.Optional;
import org.duban.infrastructure.NotFound;
import org.duban.org.PersonRepository;
import org.duban.book.ItemSummary;
import org.duban.book.WorkItemQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of supervision for pages: the office's queue and an item's escalations. */
@Service
public class SupervisionQueries {

  private final EscalationRepository escalations;
  private final SupervisionNoticeRepository notices;
  private final RectificationRepository rectifications;
  private final LightAssessmentRepository lights;
  private final MeetingReferralRepository referrals;
  private final RectificationAttachmentRepository files;
  private final WorkItemQueries items;
  private final PersonRepository people;

  SupervisionQueries(
      EscalationRepository escalations,
      SupervisionNoticeRepository notices,
      RectificationRepository rectifications,
      LightAssessmentRepository lights,
      MeetingReferralRepository referrals,
      RectificationAttachmentRepository files,
      WorkItemQueries items,
      PersonRepository people) {
    this.escalations = escalations;
    this.notices = notices;
    this.rectifications = rectifications;
    this.lights = lights;
    this.referrals = referrals;
    this.files = files;
    this.items = items;
    this.people = people;
  }

  /** An escalation with what came of it. */
  public record EscalationView(
      Escalation escalation,
      ItemSummary item,
      List<SupervisionNotice> notices,
      Optional<Rectification> rectification,
      List<MeetingReferral> referrals,
      List<AttachmentRow> files,
      java.util.Map<String, String> names) {

    /** A person by name (姓名), as every page shows them; the log-in alone for someone unknown. */
    public String who(String username) {
      String name = username == null ? null : names.get(username);
      return name == null ? username : name;
    }
  }

  /** A notice with its item, for the printable notice. */
  /** A notice with its item and why the item went on the ladder (the light's reason when it was opened). */
  public record NoticeView(SupervisionNotice notice, ItemSummary item, String department, String cause) {}

  /** One pending item of the hospital meeting's agenda. */
  public record AgendaItem(MeetingReferral referral, EscalationView escalation) {}

  @Transactional(readOnly = true)
  public List<EscalationView> openQueue() {
    return escalations.findByStatusOrderByOpenedAtDesc(Escalation.Status.OPEN).stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public List<EscalationView> ofItem(Long itemId) {
    return escalations.findByWorkItemIdOrderByOpenedAtDesc(itemId).stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public List<LightAssessment> lightsOf(Long itemId) {
    return lights.findTop20ByWorkItemIdOrderByAssessedAtDescIdDesc(itemId);
  }

  @Transactional(readOnly = true)
  public NoticeView notice(Long noticeId) {
    SupervisionNotice notice = notices.findById(noticeId).orElseThrow(NotFound::new);
    ItemSummary item = items.summary(notice.getWorkItemId());
    String cause = escalations.findById(notice.getEscalationId()).map(Escalation::getReason).orElse(null);
    return new NoticeView(notice, item, item.leadDepartment(), cause);
  }

  @Transactional(readOnly = true)
  public Long itemOfRectification(Long rectificationId) {
    Rectification rectification = rectifications.findById(rectificationId).orElseThrow(NotFound::new);
    return escalations.findById(rectification.getEscalationId()).orElseThrow(NotFound::new).getWorkItemId();
  }

  /** Items referred to the hospital meeting and not yet decided, oldest first. */
  @Transactional(readOnly = true)
  public List<AgendaItem> meetingAgenda() {
    return referrals.findByDecidedAtIsNullOrderByReferredAtAsc().stream()
        .map(r -> new AgendaItem(r, view(escalations.findById(r.getEscalationId()).orElseThrow(NotFound::new))))
        .toList();
  }

  /** What supervision kept of one item, each list oldest first: the item's timeline reads it. */
  public record ItemRecords(
      List<LightAssessment> lights,
      List<SupervisionNotice> notices,
      List<Escalation> escalations,
      java.util.Map<Long, Rectification> rectifications,
      List<MeetingReferral> referrals) {}

  @Transactional(readOnly = true)
  public ItemRecords recordsOf(Long itemId) {
    List<Escalation> ofItem = new java.util.ArrayList<>(escalations.findByWorkItemIdOrderByOpenedAtDesc(itemId));
    java.util.Collections.reverse(ofItem);
    java.util.Map<Long, Rectification> rectificationByEscalation = new java.util.HashMap<>();
    List<MeetingReferral> referralsOfItem = new java.util.ArrayList<>();
    for (Escalation escalation : ofItem) {
      rectifications.findByEscalationId(escalation.getId())
          .ifPresent(r -> rectificationByEscalation.put(escalation.getId(), r));
      referralsOfItem.addAll(referrals.findByEscalationIdOrderByReferredAtAsc(escalation.getId()));
    }
    return new ItemRecords(
        lights.findByWorkItemIdOrderByAssessedAtAscIdAsc(itemId),
        notices.findByWorkItemIdOrderByIssuedAtAsc(itemId),
        List.copyOf(ofItem),
        rectificationByEscalation,
        referralsOfItem);
  }

  private EscalationView view(Escalation escalation) {
    Optional<Rectification> rectification = rectifications.findByEscalationId(escalation.getId());
    List<AttachmentRow> filesOf = rectification.map(r -> files.listOf(r.getId())).orElse(List.of());
    // who signed off and who uploaded are kept as log-ins; the page names them as the timeline does
    java.util.Map<String, String> names = new java.util.HashMap<>();
    java.util.stream.Stream.concat(
            rectification.map(Rectification::getSignedOffBy).stream(), filesOf.stream().map(AttachmentRow::uploadedBy))
        .filter(java.util.Objects::nonNull).distinct()
        .forEach(username -> people.findByUsername(username).ifPresent(p -> names.put(username, p.getFullName())));
    return new EscalationView(
        escalation,
        items.summary(escalation.getWorkItemId()),
        notices.findByEscalationIdOrderByIssuedAtAsc(escalation.getId()),
        rectification,
        referrals.findByEscalationIdOrderByReferredAtAsc(escalation.getId()),
        filesOf,
        java.util.Map.copyOf(names));
  }
}
