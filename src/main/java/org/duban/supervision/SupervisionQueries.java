package org.duban.supervision;

import java.util.List;
import java.util.Optional;
import org.duban.workitem.ItemSummary;
import org.duban.workitem.WorkItemQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of supervision for pages: the office's queue and an item's escalations. */
@Service
public class SupervisionQueries {

  private final EscalationRepository escalations;
  private final SupervisionNoticeRepository notices;
  private final RectificationRepository rectifications;
  private final LightAssessmentRepository lights;
  private final WorkItemQueries items;

  SupervisionQueries(
      EscalationRepository escalations,
      SupervisionNoticeRepository notices,
      RectificationRepository rectifications,
      LightAssessmentRepository lights,
      WorkItemQueries items) {
    this.escalations = escalations;
    this.notices = notices;
    this.rectifications = rectifications;
    this.lights = lights;
    this.items = items;
  }

  /** An escalation with what came of it. */
  public record EscalationView(
      Escalation escalation,
      ItemSummary item,
      List<SupervisionNotice> notices,
      Optional<Rectification> rectification) {}

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

  private EscalationView view(Escalation escalation) {
    return new EscalationView(
        escalation,
        items.summary(escalation.getWorkItemId()),
        notices.findByEscalationIdOrderByIssuedAtAsc(escalation.getId()),
        rectifications.findByEscalationId(escalation.getId()));
  }
}
