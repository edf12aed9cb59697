package org.duban.task;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Processes assign tasks by expressions ({@code ${issuer}}, the leader in charge, a sub-task's
 * person, a responsibility book's signer as candidate user) that may name someone deactivated since
 * the process started. Every user task of every process gets a built-in create listener (one the
 * engine runs even when custom listeners are skipped, as Cockpit's modifications may do) that hands
 * such a task on by {@link TaskHandover}'s rules, so the BPMN files admins edit in Modeler need
 * nothing for it.
 *
 * <p>An engine plugin picked up by the Camunda starter; with the calendar's plugin, the only place
 * where Duban uses the engine's internal parse API. TaskHandover is looked up lazily: the engine is
 * configured before the beans it needs (its task service among them) exist.
 */
@Component
class InactiveAssignees extends AbstractProcessEnginePlugin {

  private final TaskListener listener;

  InactiveAssignees(ObjectProvider<TaskHandover> handover) {
    this.listener = (DelegateTask task) -> handover.getObject().handOverIfHolderInactive(task);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(
              Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
              behavior
                  .getTaskDefinition()
                  .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
            }
          }
        });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
