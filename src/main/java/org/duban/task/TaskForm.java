package org.duban.task;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.duban.forms.FormDefinition;
import org.duban.forms.FormOption;

/** Everything the task page needs to show a task's form; a group task can go back to its groups. */
public record TaskForm(
    Task task,
    TaskContext context,
    FormDefinition definition,
    Map<String, Object> values,
    Map<String, List<FormOption>> options,
    boolean groupTask) {}
