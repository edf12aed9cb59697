package org.duban.deployment;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Deploys {@code processes/} and {@code forms/} as one bundle under one name, at start and on an
 * admin's request. The engine compares the bundle with the last deployment of that name and
 * deploys nothing when no file changed; when one did, the whole bundle goes, so that
 * {@code formRefBinding="deployment"} always finds the forms beside the processes.
 */
@Service
@Order(0)
public class ModelDeployer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  public static final String DEPLOYMENT_NAME = "duban-models";

  private final RepositoryService repositoryService;
  private final ModelFolders folders;
  private final ModelValidator validator;

  ModelDeployer(RepositoryService repositoryService, ModelFolders folders, ModelValidator validator) {
    this.repositoryService = repositoryService;
    this.folders = folders;
    this.validator = validator;
  }

  /** The outcome: the new deployment's id (null when nothing changed), or the problems found. */
  public record Result(String deploymentId, int definitions, List<ModelProblem> problems) {
    public boolean isRejected() {
      return !problems.isEmpty();
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    Result result = deployFolders();
    if (result.isRejected()) {
      log.error(
          "Models in {} and {} were NOT deployed; the engine keeps the previous version. Problems:\n{}",
          folders.processesDir().toAbsolutePath(),
          folders.formsDir().toAbsolutePath(),
          String.join("\n", result.problems().stream().map(ModelProblem::toString).toList()));
    }
  }

  public Result deployFolders() {
    return deploy(ModelBundle.read(folders));
  }

  public Result deploy(ModelBundle bundle) {
    List<ModelProblem> problems = validator.problems(bundle);
    if (!problems.isEmpty()) {
      return new Result(null, 0, problems);
    }
    String previous = latestDeploymentId();
    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source("duban")
            .enableDuplicateFiltering(false);
    bundle.resources().forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    DeploymentWithDefinitions deployment;
    try {
      deployment = builder.deployWithResult();
    } catch (ProcessEngineException refused) {
      // a model that passed our checks but not the engine's parser: the deployment rolled back
      log.warn("The engine refused the models", refused);
      return new Result(null, 0, validator.refusedByEngine(refused));
    }
    if (deployment.getId().equals(previous)) {
      log.info("Models unchanged since deployment {}: nothing deployed", previous);
      return new Result(null, 0, List.of());
    }
    int definitions =
        count(deployment.getDeployedProcessDefinitions()) + count(deployment.getDeployedDecisionDefinitions());
    log.info(
        "Deployed models as {} ({} resources, {} definitions)",
        deployment.getId(), bundle.resources().size(), definitions);
    return new Result(deployment.getId(), definitions, List.of());
  }

  private String latestDeploymentId() {
    return repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().listPage(0, 1).stream()
        .map(d -> d.getId()).findFirst().orElse(null);
  }

  private static int count(List<?> list) {
    return list == null ? 0 : list.size();
  }
}
