package org.duban.task;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.duban.forms.Forms;
import org.duban.security.CurrentUser;
import org.junit.jupiter.api.Test;

/**
 * A colleague may complete a task between the moment its form reads the task and the moment it
 * reads the task's variables; the engine then says the task "doesn't exist". That is the same
 * "someone else handled it" as at completion (the person gets the task list with 该任务已由他人办理或已结束),
 * not an error page. Seen as a 500 when two sessions submitted one check-in at once.
 */
class TaskFormsTaskGoneTest {

  private final WorkTasks workTasks = mock(WorkTasks.class);
  private final TaskDecisions decisions = mock(TaskDecisions.class);
  private final TaskDecisionHandler handler = mock(TaskDecisionHandler.class);
  private final Task task = mock(Task.class);
  private final CurrentUser user = mock(CurrentUser.class);
  private final TaskForms forms =
      new TaskForms(
          mock(DeployedTaskForms.class),
          mock(Forms.class),
          workTasks,
          decisions,
          mock(TaskAccess.class));

  TaskFormsTaskGoneTest() {
    when(workTasks.open("t1", user)).thenReturn(task);
    when(task.getTaskDefinitionKey()).thenReturn("submitCheckIn");
    when(decisions.handlerFor("submitCheckIn")).thenReturn(handler);
    when(handler.prefill(any(), any()))
        .thenThrow(new NullValueException("task t1 doesn't exist: task is null"));
  }

  @Test
  void aTaskCompletedWhileItsFormIsReadIsGone() {
    when(workTasks.isGone("t1")).thenReturn(true);

    assertThatThrownBy(() -> forms.load("t1", user)).isInstanceOf(TaskGone.class);
  }

  @Test
  void anEngineFailureOnATaskStillOpenIsNotHidden() {
    when(workTasks.isGone("t1")).thenReturn(false);

    assertThatThrownBy(() -> forms.load("t1", user)).isInstanceOf(NullValueException.class);
  }
}
