package org.duban.supervision;

import java.util.List;
import org.duban.book.ItemSummary;
import org.duban.book.WorkItemQueries;
import org.duban.infrastructure.NotFound;
import org.duban.ladder.Escalation;
import org.duban.ladder.EscalationRepository;
import org.duban.ladder.EscalationView;
import org.duban.ladder.ItemEscalations;
import org.duban.ladder.MeetingReferral;
import org.duban.ladder.MeetingReferralRepository;
import org.duban.ladder.SupervisionNotice;
import org.duban.ladder.SupervisionNoticeRepository;
import org.duban.light.LightAssessment;
import org.duban.light.LightAssessmentRepository;
import org.duban.rectification.Rectification;
import org.duban.rectification.RectificationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of supervision for the office's pages: its queue, notices and the meeting's agenda. */
@Service
public class SupervisionQueries {

  private final EscalationRepository escalations;
  private final SupervisionNoticeRepository notices;
  private final RectificationRepository rectifications;
  private final LightAssessmentRepository lights;
  private final MeetingReferralRepository referrals;
  private final WorkItemQueries items;
  private final ItemEscalations itemEscalations;

  SupervisionQueries(
      EscalationRepository escalations,
      SupervisionNoticeRepository notices,
      RectificationRepository rectifications,
      LightAssessmentRepository lights,
      MeetingReferralRepository referrals,
      WorkItemQueries items,
      ItemEscalations itemEscalations) {
    this.escalations = escalations;
    this.notices = notices;
    this.rectifications = rectifications;
    this.lights = lights;
    this.referrals = referrals;
    this.items = items;
    this.itemEscalations = itemEscalations;
  }

  /** A notice with its item, for the printable notice. */
  /**
   * A notice with its item and why the item went on the ladder (the light's reason when it was
   * opened).
   */
  public record NoticeView(
      SupervisionNotice notice, ItemSummary item, String department, String cause) {}

  /** One pending item of the hospital meeting's agenda. */
  public record AgendaItem(MeetingReferral referral, EscalationView escalation) {}

  @Transactional(readOnly = true)
  public List<EscalationView> openQueue() {
    return escalations.findByStatusOrderByOpenedAtDesc(Escalation.Status.OPEN).stream()
        .map(this::view)
        .toList();
  }

  @Transactional(readOnly = true)
  public List<LightAssessment> lightsOf(Long itemId) {
    return lights.findTop20ByWorkItemIdOrderByAssessedAtDescIdDesc(itemId);
  }

  @Transactional(readOnly = true)
  public NoticeView notice(Long noticeId) {
    SupervisionNotice notice = notices.findById(noticeId).orElseThrow(NotFound::new);
    ItemSummary item = items.summary(notice.getWorkItemId());
    String cause =
        escalations.findById(notice.getEscalationId()).map(Escalation::getReason).orElse(null);
    return new NoticeView(notice, item, item.leadDepartment(), cause);
  }

  @Transactional(readOnly = true)
  public Long itemOfRectification(Long rectificationId) {
    Rectification rectification =
        rectifications.findById(rectificationId).orElseThrow(NotFound::new);
    return escalations
        .findById(rectification.getEscalationId())
        .orElseThrow(NotFound::new)
        .getWorkItemId();
  }

  /** Items referred to the hospital meeting and not yet decided, oldest first. */
  @Transactional(readOnly = true)
  public List<AgendaItem> meetingAgenda() {
    return referrals.findByDecidedAtIsNullOrderByReferredAtAsc().stream()
        .map(
            r ->
                new AgendaItem(
                    r, view(escalations.findById(r.getEscalationId()).orElseThrow(NotFound::new))))
        .toList();
  }

  private EscalationView view(Escalation escalation) {
    return itemEscalations.view(escalation);
  }
}
