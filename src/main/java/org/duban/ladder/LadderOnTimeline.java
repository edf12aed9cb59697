package org.duban.ladder;

import static org.duban.itemhistory.TimelineDetailSource.latestAtOrBefore;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.infrastructure.MessageTexts;
import org.duban.itemhistory.EventKind;
import org.duban.itemhistory.ItemEvent;
import org.duban.itemhistory.TimelineDetailSource;
import org.duban.rectification.Rectification;
import org.duban.rectification.RectificationRepository;
import org.springframework.stereotype.Component;

/**
 * Beside the ladder's events on the item's timeline: the notice's number and deadline, the
 * rectification plan and evidence, and the meeting's referral and decision.
 */
@Component
class LadderOnTimeline implements TimelineDetailSource {

  private final EscalationRepository escalations;
  private final SupervisionNoticeRepository notices;
  private final RectificationRepository rectifications;
  private final MeetingReferralRepository referrals;

  LadderOnTimeline(
      EscalationRepository escalations,
      SupervisionNoticeRepository notices,
      RectificationRepository rectifications,
      MeetingReferralRepository referrals) {
    this.escalations = escalations;
    this.notices = notices;
    this.rectifications = rectifications;
    this.referrals = referrals;
  }

  @Override
  public TimelineDetails of(Long itemId, List<ItemEvent> events) {
    return new Records(itemId, events)::details;
  }

  /** What the ladder kept of one item, each list oldest first, and which event each belongs to. */
  private final class Records {

    private final List<SupervisionNotice> noticesOfItem;
    private final List<Escalation> escalationsOfItem;
    private final Map<Long, Rectification> rectificationByEscalation = new HashMap<>();
    private final List<MeetingReferral> referralsOfItem = new ArrayList<>();

    /**
     * Per escalation, the last event of these kinds: the rectification row holds only the latest
     * text.
     */
    private final Map<String, Long> lastRectificationEvent = new HashMap<>();

    Records(Long itemId, List<ItemEvent> events) {
      List<Escalation> ofItem =
          new ArrayList<>(escalations.findByWorkItemIdOrderByOpenedAtDesc(itemId));
      Collections.reverse(ofItem);
      for (Escalation escalation : ofItem) {
        rectifications
            .findByEscalationId(escalation.getId())
            .ifPresent(r -> rectificationByEscalation.put(escalation.getId(), r));
        referralsOfItem.addAll(
            referrals.findByEscalationIdOrderByReferredAtAsc(escalation.getId()));
      }
      escalationsOfItem = List.copyOf(ofItem);
      noticesOfItem = notices.findByWorkItemIdOrderByIssuedAtAsc(itemId);
      for (ItemEvent event : events) {
        EventKind kind = TimelineDetailSource.kindOf(event);
        if (kind == EventKind.PLAN_SUBMITTED || kind == EventKind.EVIDENCE_SUBMITTED) {
          escalationAt(event.getOccurredAt())
              .ifPresent(e -> lastRectificationEvent.put(kind + "-" + e.getId(), event.getId()));
        }
      }
    }

    Map<String, Object> details(ItemEvent event, EventKind kind) {
      LocalDateTime at = event.getOccurredAt();
      return switch (kind) {
        case NOTICE_ISSUED, LADDER_CLIMBED ->
            TimelineDetailSource.detail(NOTICE, noticeOf(event.getStoredDetail()));
        case PLAN_SUBMITTED, EVIDENCE_SUBMITTED ->
            TimelineDetailSource.detail(
                RECTIFICATION,
                escalationAt(at)
                    .filter(
                        e ->
                            event
                                .getId()
                                .equals(lastRectificationEvent.get(kind + "-" + e.getId())))
                    .map(e -> rectificationByEscalation.get(e.getId()))
                    .orElse(null));
        case SIGNED_OFF ->
            TimelineDetailSource.detail(
                RECTIFICATION,
                escalationAt(at)
                    .map(e -> rectificationByEscalation.get(e.getId()))
                    .filter(r -> r.getSignedOffAt() != null)
                    .orElse(null));
        case MEETING_REFERRED ->
            TimelineDetailSource.detail(
                MEETING, latestAtOrBefore(referralsOfItem, MeetingReferral::getReferredAt, at));
        case MEETING_DECIDED ->
            TimelineDetailSource.detail(
                MEETING, latestAtOrBefore(referralsOfItem, MeetingReferral::getDecidedAt, at));
        default -> Map.of();
      };
    }

    /** The notice whose number the event's detail starts with ({@code 督〔2026〕3号：…}). */
    private SupervisionNotice noticeOf(String detail) {
      if (detail == null) {
        return null;
      }
      return noticesOfItem.stream()
          .filter(n -> detail.startsWith(n.number(MessageTexts.DEFAULT)))
          .findFirst()
          .orElse(null);
    }

    /** The escalation open at that moment: the latest opened at or before it. */
    private Optional<Escalation> escalationAt(LocalDateTime at) {
      return Optional.ofNullable(latestAtOrBefore(escalationsOfItem, Escalation::getOpenedAt, at));
    }
  }
}
