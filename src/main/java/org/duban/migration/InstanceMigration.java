package org.duban.migration;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.duban.audit.AuditLog;
import org.duban.infrastructure.NotFound;
import org.duban.migration.MigrationPreview.ActivityMapping;
import org.duban.migration.MigrationPreview.InstanceVerdict;
import org.duban.migration.MigrationPreview.Reason;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running instances of an older version of a process to its latest version with the engine's
 * migration API. Activities map by id (as the engine's {@code mapEqualActivities} does) and timers
 * are re-armed from the new model. Duban's listeners and input mappings are not run: an instance
 * that moves is already where it waits, nothing new has happened to its item. The preview asks the
 * engine itself whether each instance can move, by migrating it in a transaction that is then
 * rolled back, so that what the admin reads is exactly what executing would do.
 */
@Service
public class InstanceMigration {

  /** A preview checks at most this many instances one by one; the rest are counted. */
  static final int PREVIEW_LIMIT = 500;

  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private static final String NO_INSTRUCTION =
      "There is no migration instruction for this instance's activity";

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;
  private final AuditLog auditLog;
  private final InstanceSubjects subjects;

  InstanceMigration(
      RepositoryService repositoryService,
      RuntimeService runtimeService,
      TransactionTemplate transaction,
      AuditLog auditLog,
      InstanceSubjects subjects) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
    this.auditLog = auditLog;
    this.subjects = subjects;
  }

  /** A version of the process and how many instances still run on it. */
  public record VersionLoad(
      int version, String definitionId, long runningInstances, boolean latest) {}

  public List<VersionLoad> versions(String processKey) {
    List<ProcessDefinition> definitions = definitions(processKey);
    int latest = definitions.get(0).getVersion();
    return definitions.stream()
        .map(
            d ->
                new VersionLoad(
                    d.getVersion(),
                    d.getId(),
                    runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionId(d.getId())
                        .count(),
                    d.getVersion() == latest))
        .toList();
  }

  public MigrationPreview preview(String processKey, int sourceVersion) {
    ProcessDefinition source = definition(processKey, sourceVersion);
    ProcessDefinition target = definitions(processKey).get(0);
    if (source.getId().equals(target.getId())) {
      throw new SameVersion(processKey, sourceVersion);
    }
    MigrationPlan plan = plan(source, target);
    BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
    BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());

    List<ActivityMapping> mappings = new ArrayList<>();
    for (MigrationInstruction instruction : plan.getInstructions()) {
      if (instruction.getSourceActivityId().endsWith(MULTI_INSTANCE_BODY)) {
        continue; // the engine's inner scope of a multi-instance task, mapped with the task itself
      }
      mappings.add(
          new ActivityMapping(
              activity(sourceModel, instruction.getSourceActivityId()),
              activity(targetModel, instruction.getTargetActivityId())));
    }

    List<ProcessInstance> running =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionId(source.getId())
            .orderByProcessInstanceId()
            .asc()
            .listPage(0, PREVIEW_LIMIT);
    long total =
        runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
    List<InstanceVerdict> verdicts = new ArrayList<>();
    for (ProcessInstance instance : running) {
      verdicts.add(verdict(instance, plan, sourceModel));
    }
    return new MigrationPreview(
        processKey,
        target.getName() == null ? processKey : target.getName(),
        source.getVersion(),
        target.getVersion(),
        mappings,
        activitiesMissingFrom(sourceModel, targetModel),
        activitiesMissingFrom(targetModel, sourceModel),
        verdicts,
        (int) (total - running.size()));
  }

  /** The outcome of moving a version's instances: how many moved, and the ones left behind. */
  /** Shown after the redirect as a flash attribute, kept in the session in the database. */
  public record Outcome(int moved, int left, int targetVersion) implements Serializable {}

  /**
   * Moves every instance of the version that the engine accepts; instances that cannot move stay on
   * their version and keep running there.
   */
  public Outcome migrate(String processKey, int sourceVersion) {
    MigrationPreview preview = preview(processKey, sourceVersion);
    List<String> movable = preview.movable().stream().map(InstanceVerdict::instanceId).toList();
    if (!movable.isEmpty()) {
      transaction.executeWithoutResult(
          status -> {
            ProcessDefinition source = definition(processKey, sourceVersion);
            ProcessDefinition target = definitions(processKey).get(0);
            runtimeService
                .newMigration(plan(source, target))
                .processInstanceIds(movable)
                .skipCustomListeners()
                .skipIoMappings()
                .execute();
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("process", processKey);
            before.put("version", sourceVersion);
            before.put("instances", movable);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("process", processKey);
            after.put("version", preview.targetVersion());
            after.put("left", preview.stuck().stream().map(InstanceVerdict::instanceId).toList());
            auditLog.record("model.migrate", "process", processKey, before, after);
          });
    }
    return new Outcome(
        movable.size(),
        preview.stuck().size() + preview.instancesNotChecked(),
        preview.targetVersion());
  }

  private InstanceVerdict verdict(
      ProcessInstance instance, MigrationPlan plan, BpmnModelInstance sourceModel) {
    List<MigrationPreview.Activity> waitingAt = new ArrayList<>();
    collectLeaves(runtimeService.getActivityInstance(instance.getId()), sourceModel, waitingAt);
    List<Reason> reasons = new ArrayList<>();
    try {
      transaction.executeWithoutResult(
          status -> {
            status.setRollbackOnly();
            runtimeService
                .newMigration(plan)
                .processInstanceIds(instance.getId())
                .skipCustomListeners()
                .skipIoMappings()
                .execute();
          });
    } catch (MigratingProcessInstanceValidationException refused) {
      reasons.addAll(reasons(refused.getValidationReport(), sourceModel));
    }
    return new InstanceVerdict(
        instance.getId(), instance.getBusinessKey(), waitingAt, reasons, subjects.of(instance));
  }

  private List<Reason> reasons(
      MigratingProcessInstanceValidationReport report, BpmnModelInstance sourceModel) {
    List<Reason> reasons = new ArrayList<>();
    report
        .getFailures()
        .forEach(failure -> reasons.add(new Reason("migration.reason.engine", failure)));
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      addReasons(reasons, activity.getSourceScopeId(), activity.getFailures(), sourceModel);
    }
    for (MigratingTransitionInstanceValidationReport transition :
        report.getTransitionInstanceReports()) {
      addReasons(reasons, transition.getSourceScopeId(), transition.getFailures(), sourceModel);
    }
    return reasons;
  }

  private void addReasons(
      List<Reason> into, String scopeId, List<String> failures, BpmnModelInstance model) {
    String name = activity(model, scopeId).name();
    for (String failure : failures) {
      into.add(
          failure.startsWith(NO_INSTRUCTION)
              ? new Reason("migration.reason.noTarget", name)
              : new Reason("migration.reason.activity", name, failure));
    }
  }

  private void collectLeaves(
      ActivityInstance instance, BpmnModelInstance model, List<MigrationPreview.Activity> into) {
    if (instance == null) {
      return;
    }
    if (instance.getChildActivityInstances().length == 0
        && instance.getParentActivityInstanceId() != null) {
      into.add(activity(model, instance.getActivityId()));
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collectLeaves(child, model, into);
    }
    for (var transition : instance.getChildTransitionInstances()) {
      into.add(activity(model, transition.getActivityId()));
    }
  }

  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
    return runtimeService
        .createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities()
        .updateEventTriggers()
        .build();
  }

  /**
   * Activities and gateways of one model whose id the other has not: the steps a change removed or
   * added, as the admin sees them in Modeler.
   */
  private static List<MigrationPreview.Activity> activitiesMissingFrom(
      BpmnModelInstance model, BpmnModelInstance other) {
    List<MigrationPreview.Activity> activities = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if ((node instanceof Activity || node instanceof Gateway)
          && other.getModelElementById(node.getId()) == null) {
        activities.add(
            new MigrationPreview.Activity(
                node.getId(), node.getName() == null ? node.getId() : node.getName()));
      }
    }
    return activities;
  }

  private static MigrationPreview.Activity activity(BpmnModelInstance model, String id) {
    var element = model.getModelElementById(id);
    String name = element instanceof FlowNode node && node.getName() != null ? node.getName() : id;
    return new MigrationPreview.Activity(id, name);
  }

  private List<ProcessDefinition> definitions(String processKey) {
    List<ProcessDefinition> definitions =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .orderByProcessDefinitionVersion()
            .desc()
            .list();
    if (definitions.isEmpty()) {
      throw new NotFound();
    }
    return definitions;
  }

  private ProcessDefinition definition(String processKey, int version) {
    ProcessDefinition definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .processDefinitionVersion(version)
            .singleResult();
    if (definition == null) {
      throw new NotFound();
    }
    return definition;
  }

  /** Asked to move instances from the latest version to itself. */
  public static class SameVersion extends RuntimeException {
    SameVersion(String key, int version) {
      super(key + " version " + version + " is the latest");
    }
  }
}
