package org.duban.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys the models, at start and on an admin's request: the starting set ({@link ModelFolders}:
 * the configured folders, or the models packaged in the jar) with the files admins uploaded ({@link
 * ModelStore}, in the database) in place of its files of the same names. Every node deploys the
 * same content that way, and a node starting with older files never deploys them over a newer
 * upload. Skipping unchanged resources: each process file is its own deployment, named {@code
 * duban:<file>}, together with the forms its tasks name (the tasks use {@code
 * formRefBinding="deployment"}, so the forms must sit beside the process); each decision file is
 * its own deployment too. The engine compares each deployment with the last one of its name and
 * deploys nothing when none of its files changed, so an edited form gives a new version only to the
 * processes that use it.
 *
 * <p>The whole bundle is validated first, and all deployments of one call happen in one
 * transaction: a bundle with one bad file deploys nothing, and the running versions stay.
 */
@Service
@Order(0)
public class ModelDeployer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  /** The start of every deployment's name; the file name follows. */
  public static final String NAME_PREFIX = "duban:";

  /**
   * How the models are named as a whole in messages; also the name of the single deployment in
   * which earlier releases deployed all the models.
   */
  public static final String DEPLOYMENT_NAME = "duban-models";

  static final String SOURCE = "duban";

  private final RepositoryService repositoryService;
  private final ModelStore store;
  private volatile ModelFolders folders;
  private final ModelValidator validator;
  private final TransactionTemplate transaction;
  private final MessageSource messages;
  private final ObjectMapper json = new ObjectMapper();

  ModelDeployer(
      RepositoryService repositoryService,
      ModelStore store,
      ModelFolders folders,
      ModelValidator validator,
      PlatformTransactionManager transactionManager,
      MessageSource messages) {
    this.repositoryService = repositoryService;
    this.store = store;
    this.folders = folders;
    this.validator = validator;
    this.transaction = new TransactionTemplate(transactionManager);
    this.messages = messages;
  }

  /**
   * One deployment that was made: its name ({@code duban:department-work.bpmn}) and what it
   * brought.
   */
  public record Deployed(String name, String deploymentId, List<Definition> definitions) {}

  /** A definition that got a new version: a process or a decision. */
  public record Definition(String key, String name, int version, boolean decision) {}

  /** The outcome: the deployments made (none when nothing changed), or the problems found. */
  public record Result(List<Deployed> deployed, List<ModelProblem> problems) {

    static Result refused(List<ModelProblem> problems) {
      return new Result(List.of(), List.copyOf(problems));
    }

    public boolean isRejected() {
      return !problems.isEmpty();
    }

    /** Whether anything new was deployed. */
    public boolean changed() {
      return !deployed.isEmpty();
    }

    /** Every definition that got a new version. */
    public List<Definition> definitions() {
      return deployed.stream().flatMap(d -> d.definitions().stream()).toList();
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    log.info(
        "Starting set of models: {}; uploaded models in the database: {}",
        folders.describe(),
        store.contents().keySet());
    Result result = deployCurrent();
    if (result.isRejected()) {
      log.error(
          "Models of {} with the uploaded ones were NOT deployed; the engine keeps the previous version. Problems:\n{}",
          folders.describe(),
          String.join("\n", result.problems().stream().map(ModelProblem::toString).toList()));
    }
  }

  public ModelFolders folders() {
    return folders;
  }

  /**
   * Points the deployer (and so the admin page's upload and redeploy) at other folders and answers
   * the previous ones: for tests, which work on a copy of the real folders.
   */
  ModelFolders useFolders(ModelFolders other) {
    ModelFolders previous = folders;
    folders = other;
    return previous;
  }

  /** The starting set with the uploaded files in place: what every node runs. */
  public ModelBundle current() {
    return ModelBundle.read(folders).with(store.contents());
  }

  /** Deploys {@link #current()}; nothing when the engine has it all already. */
  public Result deployCurrent() {
    return deploy(current());
  }

  public Result deploy(ModelBundle bundle) {
    return deploy(bundle, deployed -> {});
  }

  /**
   * Validates and deploys the bundle; when it is not refused, gives the result to {@code
   * alsoOnSuccess} in the same transaction (an upload writes its files there): if that throws,
   * nothing is deployed either.
   */
  public Result deploy(ModelBundle bundle, Consumer<Result> alsoOnSuccess) {
    List<ModelProblem> problems = new ArrayList<>(validator.problems(bundle));
    if (problems.isEmpty()) {
      problems.addAll(keysInTwoFiles(bundle));
    }
    if (!problems.isEmpty()) {
      return Result.refused(problems);
    }
    Map<String, Map<String, byte[]>> units = units(bundle);
    return transaction.execute(
        status -> {
          List<Deployed> deployed = new ArrayList<>();
          for (Map.Entry<String, Map<String, byte[]>> unit : units.entrySet()) {
            try {
              deployUnit(unit.getKey(), unit.getValue()).ifPresent(deployed::add);
            } catch (ProcessEngineException refused) {
              // a model that passed our checks but not the engine's parser: nothing of this call
              // stays
              log.warn("The engine refused the models of {}", unit.getKey(), refused);
              status.setRollbackOnly();
              return Result.refused(validator.refusedByEngine(refused));
            }
          }
          Result result = new Result(List.copyOf(deployed), List.of());
          alsoOnSuccess.accept(result);
          if (deployed.isEmpty()) {
            log.info("Models unchanged: nothing deployed");
          }
          return result;
        });
  }

  private Optional<Deployed> deployUnit(String name, Map<String, byte[]> resources) {
    long before = deployments(name);
    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(name)
            .source(SOURCE)
            .enableDuplicateFiltering(false);
    resources.forEach(
        (resource, bytes) -> builder.addInputStream(resource, new ByteArrayInputStream(bytes)));
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    if (deployments(name) == before) {
      // the engine found every file as it was and gave back the previous deployment
      return Optional.empty();
    }
    List<Definition> definitions = new ArrayList<>();
    for (ProcessDefinition p : orEmpty(deployment.getDeployedProcessDefinitions())) {
      definitions.add(new Definition(p.getKey(), p.getName(), p.getVersion(), false));
    }
    for (DecisionDefinition d : orEmpty(deployment.getDeployedDecisionDefinitions())) {
      definitions.add(new Definition(d.getKey(), d.getName(), d.getVersion(), true));
    }
    log.info(
        "Deployed {} as {} ({} resources): {}",
        name,
        deployment.getId(),
        resources.size(),
        definitions);
    return Optional.of(new Deployed(name, deployment.getId(), List.copyOf(definitions)));
  }

  /**
   * The deployments of a bundle, by name: each process file with the forms it names, each decision
   * file alone. A process whose form reference is an expression gets every form.
   */
  Map<String, Map<String, byte[]>> units(ModelBundle bundle) {
    Map<String, String> formFilesById = new HashMap<>();
    bundle
        .forms()
        .forEach(
            (file, bytes) -> {
              String id = formId(bytes);
              if (id != null) {
                formFilesById.put(id, file);
              }
            });
    Map<String, Map<String, byte[]>> units = new LinkedHashMap<>();
    bundle
        .resources()
        .forEach(
            (resource, bytes) -> {
              if (!resource.startsWith(ModelBundle.PROCESSES)) {
                return;
              }
              Map<String, byte[]> unit = new TreeMap<>();
              unit.put(resource, bytes);
              if (resource.endsWith(".bpmn")) {
                for (String formRef : formRefs(bytes)) {
                  if (formRef.contains("${") || formRef.contains("#{")) {
                    unit.putAll(bundle.forms());
                  } else if (formFilesById.containsKey(formRef)) {
                    String file = formFilesById.get(formRef);
                    unit.put(file, bundle.resources().get(file));
                  }
                }
              }
              units.put(deploymentName(resource), unit);
            });
    return units;
  }

  /**
   * A process or decision id defined in two files (a file saved under a new name in Modeler): each
   * file is its own deployment, so the two would take turns being the latest version.
   */
  private List<ModelProblem> keysInTwoFiles(ModelBundle bundle) {
    Map<String, String> fileOfKey = new HashMap<>();
    List<ModelProblem> problems = new ArrayList<>();
    bundle
        .resources()
        .forEach(
            (resource, bytes) -> {
              List<String> keys = new ArrayList<>();
              if (resource.endsWith(".bpmn")) {
                Bpmn.readModelFromStream(new ByteArrayInputStream(bytes))
                    .getModelElementsByType(Process.class)
                    .stream()
                    .filter(Process::isExecutable)
                    .forEach(p -> keys.add("process:" + p.getId()));
              } else if (resource.endsWith(".dmn")) {
                Dmn.readModelFromStream(new ByteArrayInputStream(bytes))
                    .getModelElementsByType(Decision.class)
                    .forEach(d -> keys.add("decision:" + d.getId()));
              }
              for (String key : keys) {
                String other = fileOfKey.putIfAbsent(key, resource);
                if (other != null) {
                  String id = key.substring(key.indexOf(':') + 1);
                  problems.add(
                      new ModelProblem(
                          resource,
                          id,
                          messages.getMessage(
                              "models.deploy.keyInTwoFiles",
                              new Object[] {id, other},
                              Locale.SIMPLIFIED_CHINESE)));
                }
              }
            });
    return problems;
  }

  /** {@code processes/department-work.bpmn} is deployed as {@code duban:department-work.bpmn}. */
  public static String deploymentName(String resource) {
    return NAME_PREFIX + resource.substring(resource.lastIndexOf('/') + 1);
  }

  private static TreeSet<String> formRefs(byte[] bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    TreeSet<String> refs = new TreeSet<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() != null) {
        refs.add(task.getCamundaFormRef());
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        refs.add(start.getCamundaFormRef());
      }
    }
    return refs;
  }

  private String formId(byte[] form) {
    try {
      JsonNode id = json.readTree(form).get("id");
      return id == null || !id.isTextual() ? null : id.asText();
    } catch (IOException e) {
      return null;
    }
  }

  private long deployments(String name) {
    return repositoryService.createDeploymentQuery().deploymentName(name).count();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
