package org.duban.supervision;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.history.EventKind;
import org.duban.history.ItemHistory;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.NotFound;
import org.duban.workitem.Light;
import org.duban.workitem.WorkItem;
import org.duban.workitem.WorkItemRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where an item's weekly light meets the escalation ladder: a lagging item without an open
 * escalation gets one; at most one escalation is open per item, so a sweep run twice in a week, or
 * re-run after a crash, opens no duplicate.
 */
@Service
public class EscalationLadder {

  private static final Logger log = LoggerFactory.getLogger(EscalationLadder.class);

  public static final String PROCESS_KEY = "escalation";

  private final EscalationRepository escalations;
  private final WorkItemRepository workItems;
  private final RuntimeService runtimeService;
  private final ItemHistory history;

  EscalationLadder(
      EscalationRepository escalations,
      WorkItemRepository workItems,
      RuntimeService runtimeService,
      ItemHistory history) {
    this.escalations = escalations;
    this.workItems = workItems;
    this.runtimeService = runtimeService;
    this.history = history;
  }

  /** Called by the weekly sweep once per item and sweep; true when an escalation was opened. */
  @Transactional
  public boolean onWeeklyLight(Long workItemId, Light light) {
    if (light != Light.RED) {
      return false;
    }
    return open(workItemId);
  }

  /** Opens an escalation for the item unless one is open already. */
  @Transactional
  public boolean open(Long workItemId) {
    if (escalations.findByOpenItemId(workItemId).isPresent()) {
      return false;
    }
    WorkItem item = workItems.findById(workItemId).orElseThrow(NotFound::new);
    String reason = item.getLightReason() == null ? "红灯" : item.getLightReason();
    Escalation escalation = escalations.saveAndFlush(new Escalation(workItemId, reason, EngineClock.now()));
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            PROCESS_KEY, "item-" + workItemId, Map.of("workItemId", workItemId, "escalationId", escalation.getId()));
    escalation.startedProcess(instance.getId());
    history.itemEvent(workItemId, item.getTaskBook().getId(), ItemHistory.SYSTEM, EventKind.ESCALATION_OPENED, reason);
    log.info("item {} escalated: escalation {}, instance {}", workItemId, escalation.getId(), instance.getId());
    return true;
  }
}
