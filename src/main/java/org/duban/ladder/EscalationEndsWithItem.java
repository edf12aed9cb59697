package org.duban.ladder;

import org.camunda.bpm.engine.RuntimeService;
import org.duban.book.WorkItemClosed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an item closes (accepted, or cancelled by a change), its escalation ends: the message {@code
 * itemClosed} starts the interrupting event subprocess of escalation.bpmn, which ends every open
 * task and wait of the escalation and records why. Correlated by the item's business key, so an
 * escalation whose row and instance disagree still ends; an item without an escalation is
 * untouched.
 */
@Component
class EscalationEndsWithItem {

  static final String MESSAGE_ITEM_CLOSED = "itemClosed";

  private final RuntimeService runtimeService;

  EscalationEndsWithItem(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @EventListener
  void on(WorkItemClosed closed) {
    runtimeService
        .createMessageCorrelation(MESSAGE_ITEM_CLOSED)
        .processInstanceBusinessKey("item-" + closed.workItemId())
        .setVariable("itemClosedBecause", closed.why().name())
        .correlateAll();
  }
}
