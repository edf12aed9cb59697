package org.duban.ladder;

import java.util.Optional;
import org.duban.rectification.RectifiedItems;
import org.springframework.stereotype.Component;

/** Tells rectification which item an escalation is about. */
@Component
class EscalatedItems implements RectifiedItems {

  private final EscalationRepository escalations;

  EscalatedItems(EscalationRepository escalations) {
    this.escalations = escalations;
  }

  @Override
  public Optional<Long> workItemIdOfEscalation(Long escalationId) {
    return escalations.findById(escalationId).map(Escalation::getWorkItemId);
  }
}
