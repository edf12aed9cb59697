package org.duban;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Makes the engine of the test's own Spring context the one named "default" for each test, and puts
 * the one before back afterwards. The engine's REST API and the Camunda webapps look their engine
 * up by that name in a registry shared by the whole JVM, where every cached test context registers
 * its engine under the same name: without this a request could reach another context's engine,
 * whose database may already be closed.
 *
 * <p>The same goes for the Camunda webapps' runtime delegates, static fields set when a context's
 * webapps start and cleared when any context's webapps stop (a test with {@code @DirtiesContext},
 * or one that closes an application it started): a cached context that finds them cleared gets
 * fresh ones, which look the engine up by name like the REST API.
 */
public final class ThisContextsEngine implements BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ThisContextsEngine.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    ProcessEngine engine =
        SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    ProcessEngine before = ProcessEngines.getProcessEngines().get(engine.getName());
    if (before != null && before != engine) {
      context.getStore(NAMESPACE).put("before", before);
    }
    ProcessEngines.registerProcessEngine(engine);
    restoreWebappDelegates();
  }

  private static void restoreWebappDelegates() {
    if (Cockpit.getRuntimeDelegate() == null) {
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    }
    if (Admin.getRuntimeDelegate() == null) {
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    }
    if (Tasklist.getRuntimeDelegate() == null) {
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    }
    if (Welcome.getRuntimeDelegate() == null) {
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ProcessEngine before = context.getStore(NAMESPACE).remove("before", ProcessEngine.class);
    if (before != null) {
      ProcessEngines.registerProcessEngine(before);
    }
  }
}
