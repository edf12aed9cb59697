package org.duban.deployment;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.duban.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's open incidents (a job or external task that failed all its retries), for the admin
 * page, and the retry that gives the failed job one more attempt.
 */
@Service
public class OpenIncidents {

  /** Most incidents listed on the page; Cockpit shows them all. */
  static final int SHOWN = 200;

  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final ManagementService managementService;
  private final ExternalTaskService externalTaskService;
  private final AuditLog audit;

  OpenIncidents(
      RuntimeService runtimeService,
      RepositoryService repositoryService,
      ManagementService managementService,
      ExternalTaskService externalTaskService,
      AuditLog audit) {
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.managementService = managementService;
    this.externalTaskService = externalTaskService;
    this.audit = audit;
  }

  /** An open incident as the page shows it. */
  public record Row(
      String id,
      String type,
      String processKey,
      String processName,
      int processVersion,
      String activityId,
      String activityName,
      String message,
      Date time,
      String processInstanceId,
      boolean retryable) {}

  public long count() {
    return runtimeService.createIncidentQuery().count();
  }

  public List<Row> list() {
    Map<String, ProcessDefinition> definitions = new HashMap<>();
    Map<String, BpmnModelInstance> models = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (Incident incident :
        runtimeService.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, SHOWN)) {
      ProcessDefinition definition =
          incident.getProcessDefinitionId() == null
              ? null
              : definitions.computeIfAbsent(
                  incident.getProcessDefinitionId(),
                  id ->
                      repositoryService
                          .createProcessDefinitionQuery()
                          .processDefinitionId(id)
                          .singleResult());
      String activityName = incident.getActivityId();
      if (definition != null && incident.getActivityId() != null) {
        BpmnModelInstance model =
            models.computeIfAbsent(definition.getId(), repositoryService::getBpmnModelInstance);
        ModelElementInstance element =
            model == null ? null : model.getModelElementById(incident.getActivityId());
        String name = element == null ? null : element.getAttributeValue("name");
        if (name != null && !name.isBlank()) {
          activityName = name;
        }
      }
      rows.add(
          new Row(
              incident.getId(),
              incident.getIncidentType(),
              definition == null ? null : definition.getKey(),
              definition == null
                  ? null
                  : (definition.getName() == null ? definition.getKey() : definition.getName()),
              definition == null ? 0 : definition.getVersion(),
              incident.getActivityId(),
              activityName,
              incident.getIncidentMessage(),
              incident.getIncidentTimestamp(),
              incident.getProcessInstanceId(),
              retryable(incident)));
    }
    return rows;
  }

  /**
   * Gives the failed job (or external task) of the incident one more attempt: the engine resolves
   * the incident and the job executor runs the job again. False when there is no such open incident
   * or it is not one a retry can resolve.
   */
  @Transactional
  public boolean retry(String incidentId) {
    Incident incident = runtimeService.createIncidentQuery().incidentId(incidentId).singleResult();
    if (incident == null || !retryable(incident)) {
      return false;
    }
    if (Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
      managementService.setJobRetries(incident.getConfiguration(), 1);
    } else {
      externalTaskService.setRetries(incident.getConfiguration(), 1);
    }
    Map<String, Object> what = new LinkedHashMap<>();
    what.put("incident", incident.getId());
    what.put("type", incident.getIncidentType());
    what.put("processInstance", incident.getProcessInstanceId());
    what.put("activity", incident.getActivityId());
    what.put("message", incident.getIncidentMessage());
    audit.record("incident.retry", "incident", incident.getId(), what, Map.of("retries", 1));
    return true;
  }

  private static boolean retryable(Incident incident) {
    // an incident of a calling process only mirrors its cause in the called one: retry the cause
    boolean rootCause =
        incident.getRootCauseIncidentId() == null
            || incident.getId().equals(incident.getRootCauseIncidentId());
    return rootCause
        && incident.getConfiguration() != null
        && (Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())
            || Incident.EXTERNAL_TASK_HANDLER_TYPE.equals(incident.getIncidentType()));
  }
}
