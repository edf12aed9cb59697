package org.duban.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes {@value EngineAuthorizations#DUBAN_APP_GROUP} one of the engine's admin groups (beside
 * {@code camunda-admin}): Duban's page requests then skip the engine's authorization checks
 * entirely, as before authorizations were switched on, including the checks of the few operations
 * that only an engine admin may call and the extra joins of every query. The group's grants of
 * everything (EngineAuthorizations) say the same in Camunda Admin.
 */
@Component
class DubanAppAdminGroup extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<String> groups =
        configuration.getAdminGroups() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getAdminGroups());
    if (!groups.contains(EngineAuthorizations.DUBAN_APP_GROUP)) {
      groups.add(EngineAuthorizations.DUBAN_APP_GROUP);
    }
    configuration.setAdminGroups(groups);
  }
}
