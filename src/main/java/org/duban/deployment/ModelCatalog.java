package org.duban.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.IncidentStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;

/**
 * What the engine runs, for the admin page: every process and decision definition by key, with its
 * versions, when each was deployed, and the running instances and open incidents of each version.
 */
@Service
public class ModelCatalog {

  private final RepositoryService repositoryService;
  private final ManagementService managementService;

  ModelCatalog(RepositoryService repositoryService, ManagementService managementService) {
    this.repositoryService = repositoryService;
    this.managementService = managementService;
  }

  /** One version of a definition. Instances and incidents are 0 for decisions. */
  public record Version(
      String definitionId,
      String key,
      String name,
      int version,
      Date deployedAt,
      String deploymentName,
      String resourceName,
      long instances,
      long incidents) {}

  /** A process or decision by key, its versions newest first. */
  public record Definition(String key, String name, boolean decision, List<Version> versions) {

    public Version latest() {
      return versions.get(0);
    }

    public long instances() {
      return versions.stream().mapToLong(Version::instances).sum();
    }

    public long incidents() {
      return versions.stream().mapToLong(Version::incidents).sum();
    }

    public Optional<Version> version(int number) {
      return versions.stream().filter(v -> v.version() == number).findFirst();
    }
  }

  /**
   * Running instances and open incidents at one activity of a process version (for the diagram).
   */
  public record ActivityCount(
      String activityId, String activityName, long instances, long incidents) {}

  public List<Definition> processes() {
    Map<String, Deployment> deployments = deployments();
    Map<String, List<Version>> byKey = new TreeMap<>();
    for (ProcessDefinitionStatistics p :
        managementService.createProcessDefinitionStatisticsQuery().includeIncidents().list()) {
      long incidents =
          p.getIncidentStatistics().stream().mapToLong(IncidentStatistics::getIncidentCount).sum();
      byKey
          .computeIfAbsent(p.getKey(), k -> new ArrayList<>())
          .add(
              new Version(
                  p.getId(),
                  p.getKey(),
                  p.getName(),
                  p.getVersion(),
                  deployedAt(deployments, p.getDeploymentId()),
                  deploymentName(deployments, p.getDeploymentId()),
                  p.getResourceName(),
                  p.getInstances(),
                  incidents));
    }
    return definitions(byKey, false);
  }

  public List<Definition> decisions() {
    Map<String, Deployment> deployments = deployments();
    Map<String, List<Version>> byKey = new TreeMap<>();
    for (DecisionDefinition d : repositoryService.createDecisionDefinitionQuery().list()) {
      byKey
          .computeIfAbsent(d.getKey(), k -> new ArrayList<>())
          .add(
              new Version(
                  d.getId(),
                  d.getKey(),
                  d.getName(),
                  d.getVersion(),
                  deployedAt(deployments, d.getDeploymentId()),
                  deploymentName(deployments, d.getDeploymentId()),
                  d.getResourceName(),
                  0,
                  0));
    }
    return definitions(byKey, true);
  }

  /** The process of that key, else the decision of that key. */
  public Optional<Definition> definition(String key) {
    Optional<Definition> process =
        processes().stream().filter(d -> d.key().equals(key)).findFirst();
    return process.isPresent()
        ? process
        : decisions().stream().filter(d -> d.key().equals(key)).findFirst();
  }

  /** Where the instances of one process version wait, and where its incidents are. */
  public List<ActivityCount> activities(String processDefinitionId) {
    List<ActivityCount> counts = new ArrayList<>();
    BpmnModelInstance model = null;
    for (ActivityStatistics a :
        managementService
            .createActivityStatisticsQuery(processDefinitionId)
            .includeIncidents()
            .list()) {
      long incidents =
          a.getIncidentStatistics().stream().mapToLong(IncidentStatistics::getIncidentCount).sum();
      if (model == null) {
        model = repositoryService.getBpmnModelInstance(processDefinitionId);
      }
      ModelElementInstance element = model.getModelElementById(a.getId());
      String name = element == null ? null : element.getAttributeValue("name");
      counts.add(
          new ActivityCount(
              a.getId(),
              name == null || name.isBlank() ? a.getId() : name,
              a.getInstances(),
              incidents));
    }
    counts.sort(Comparator.comparing(ActivityCount::activityName));
    return counts;
  }

  /**
   * The XML the engine stored for that version of the process or decision; empty when there is
   * none.
   */
  public Optional<byte[]> xml(String key, int version) {
    ProcessDefinition process =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .processDefinitionVersion(version)
            .singleResult();
    if (process != null) {
      return Optional.of(read(repositoryService.getProcessModel(process.getId())));
    }
    DecisionDefinition decision =
        repositoryService
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(key)
            .decisionDefinitionVersion(version)
            .singleResult();
    if (decision != null) {
      return Optional.of(read(repositoryService.getDecisionModel(decision.getId())));
    }
    return Optional.empty();
  }

  private static List<Definition> definitions(Map<String, List<Version>> byKey, boolean decision) {
    List<Definition> definitions = new ArrayList<>();
    byKey.forEach(
        (key, versions) -> {
          versions.sort(Comparator.comparingInt(Version::version).reversed());
          String name = versions.get(0).name() == null ? key : versions.get(0).name();
          definitions.add(new Definition(key, name, decision, List.copyOf(versions)));
        });
    return definitions;
  }

  private Map<String, Deployment> deployments() {
    Map<String, Deployment> byId = new HashMap<>();
    for (Deployment d : repositoryService.createDeploymentQuery().list()) {
      byId.put(d.getId(), d);
    }
    return byId;
  }

  private static Date deployedAt(Map<String, Deployment> deployments, String id) {
    Deployment d = deployments.get(id);
    return d == null ? null : d.getDeploymentTime();
  }

  private static String deploymentName(Map<String, Deployment> deployments, String id) {
    Deployment d = deployments.get(id);
    return d == null ? null : d.getName();
  }

  private static byte[] read(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
