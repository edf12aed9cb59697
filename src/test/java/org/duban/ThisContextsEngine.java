package org.duban;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Makes the engine of the test's own Spring context the one named "default" for each test, and puts
 * the one before back afterwards. The engine's REST API and the Camunda webapps look their engine up
 * by that name in a registry shared by the whole JVM, where every cached test context registers its
 * engine under the same name: without this a request could reach another context's engine, whose
 * database may already be closed.
 */
public final class ThisContextsEngine implements BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ThisContextsEngine.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    ProcessEngine before = ProcessEngines.getProcessEngines().get(engine.getName());
    if (before != null && before != engine) {
      context.getStore(NAMESPACE).put("before", before);
    }
    ProcessEngines.registerProcessEngine(engine);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ProcessEngine before = context.getStore(NAMESPACE).remove("before", ProcessEngine.class);
    if (before != null) {
      ProcessEngines.registerProcessEngine(before);
    }
  }
}
