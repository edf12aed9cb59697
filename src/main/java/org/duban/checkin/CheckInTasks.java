package org.duban.checkin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.book.Indicator;
import org.duban.book.WorkItem;
import org.duban.book.WorkItemRepository;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.NotFound;
import org.duban.infrastructure.UserError;
import org.duban.security.CurrentUser;
import org.duban.task.FormValues;
import org.duban.task.TaskContext;
import org.duban.task.TaskDecisionHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The check-in task: the form lists the item's indicators, one reading each. */
@Component
class CheckInTasks implements TaskDecisionHandler {

  static final String SUBMIT = "submitCheckIn";

  private final CheckInService service;
  private final WorkItemRepository workItems;
  private final TaskService taskService;
  private final CheckInSettings settings;

  CheckInTasks(
      CheckInService service,
      WorkItemRepository workItems,
      TaskService taskService,
      CheckInSettings settings) {
    this.service = service;
    this.workItems = workItems;
    this.taskService = taskService;
    this.settings = settings;
  }

  /**
   * The month the task's round reports on (a round of an older release named the month after it).
   */
  private String periodOf(Task task) {
    Map<String, Object> variables =
        taskService.getVariables(task.getId(), List.of(RoundPeriod.PERIOD, RoundPeriod.OPENED_ON));
    return RoundPeriod.of(
        variables.get(RoundPeriod.PERIOD),
        variables.get(RoundPeriod.OPENED_ON),
        settings,
        EngineClock.today());
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(SUBMIT);
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Object> prefill(Task task, TaskContext context) {
    WorkItem item = workItems.findById(context.requireWorkItemId()).orElseThrow(NotFound::new);
    Map<String, Object> values = new HashMap<>();
    values.put("percentDone", item.getPercentDone());
    values.put("period", periodOf(task));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Indicator indicator : item.getIndicators()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("indicatorName", indicator.describe());
      row.put("unit", indicator.getUnit() == null ? "" : indicator.getUnit());
      rows.add(row);
    }
    values.put("readings", rows);
    return values;
  }

  @Override
  @Transactional
  public void complete(
      Task task, TaskContext context, Map<String, Object> values, CurrentUser user) {
    Long itemId = context.requireWorkItemId();
    WorkItem item = workItems.findById(itemId).orElseThrow(NotFound::new);
    Integer percent = FormValues.integer(values, "percentDone");
    if (percent == null) {
      throw UserError.at("percentDone", "decision.reasonRequired");
    }
    // Rows come back in the order the form listed the indicators.
    List<Map<String, Object>> rows = FormValues.rows(values, "readings");
    Map<Long, BigDecimal> readings = new HashMap<>();
    List<Indicator> indicators = item.getIndicators();
    for (int i = 0; i < Math.min(rows.size(), indicators.size()); i++) {
      BigDecimal value = FormValues.decimal(rows.get(i), "value");
      if (value != null) {
        readings.put(indicators.get(i).getId(), value);
      }
    }
    service.submit(
        itemId,
        periodOf(task),
        percent,
        readings,
        FormValues.requiredText(values, "narrative"),
        FormValues.text(values, "obstacles"),
        user.getUsername());
    taskService.complete(task.getId());
  }
}
