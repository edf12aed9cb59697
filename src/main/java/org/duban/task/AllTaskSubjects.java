package org.duban.task;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Asks every feature's {@link TaskSubjects} bean; for a context, the first feature that knows it
 * answers.
 */
@Component
class AllTaskSubjects {

  private final List<TaskSubjects> features;

  AllTaskSubjects(List<TaskSubjects> features) {
    this.features = features;
  }

  Map<TaskContext, TaskSubject> of(Collection<TaskContext> contexts) {
    Map<TaskContext, TaskSubject> subjects = new HashMap<>();
    for (TaskSubjects feature : features) {
      List<TaskContext> open =
          contexts.stream().filter(c -> !subjects.containsKey(c)).distinct().toList();
      if (open.isEmpty()) {
        break;
      }
      feature.subjectsOf(open).forEach(subjects::putIfAbsent);
    }
    return subjects;
  }

  Optional<TaskSubject> of(TaskContext context) {
    return Optional.ofNullable(of(List.of(context)).get(context));
  }

  Map<String, Object> pageModel(TaskContext context) {
    Map<String, Object> model = new LinkedHashMap<>();
    for (TaskSubjects feature : features) {
      feature.pageModel(context).forEach(model::putIfAbsent);
    }
    return model;
  }
}
