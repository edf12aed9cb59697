package org.duban.task;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The domain ids ({@link TaskContext}) of many tasks in one SQL statement, for lists of tasks.
 *
 * <p>The engine's API reads a task's variables one task at a time ({@code getVariables} walks up
 * the task's scopes per call), so a list of 50 tasks cost 50 round trips and more. This reads the
 * engine's runtime tables directly, the same way {@code getVariables} resolves names: a variable of
 * the task itself wins, then the nearest execution up the scope chain (a check-in task finds its
 * {@code workItemId} on the multi-instance execution above it). The ACT_RU_* tables are the same in
 * Camunda 7 and Operaton; this class is the only place that knows them.
 */
@Component
class TaskIds {

  private static final List<String> NAMES =
      List.of(WorkTasks.WORK_ITEM_ID, WorkTasks.TASK_BOOK_ID, WorkTasks.SUB_TASK_ID);

  private static final String SQL =
      """
      with recursive scopes (task_id, execution_id, depth) as (
        select t.ID_, t.EXECUTION_ID_, 1 from ACT_RU_TASK t where t.ID_ in (:tasks)
        union all
        select s.task_id, e.PARENT_ID_, s.depth + 1
          from scopes s join ACT_RU_EXECUTION e on e.ID_ = s.execution_id
         where e.PARENT_ID_ is not null and s.depth < 50
      )
      select s.task_id, v.NAME_, v.TYPE_, v.LONG_, s.depth
        from scopes s join ACT_RU_VARIABLE v on v.EXECUTION_ID_ = s.execution_id and v.TASK_ID_ is null
       where v.NAME_ in (:names)
      union all
      select v.TASK_ID_, v.NAME_, v.TYPE_, v.LONG_, 0
        from ACT_RU_VARIABLE v where v.TASK_ID_ in (:tasks) and v.NAME_ in (:names)
      """;

  private final NamedParameterJdbcTemplate jdbc;

  TaskIds(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Each task's context; a task without any of the variables maps to an empty context. */
  Map<String, TaskContext> of(Collection<String> taskIds) {
    Map<String, TaskContext> contexts = new HashMap<>();
    if (taskIds.isEmpty()) {
      return contexts;
    }
    // per task and name: the value of the nearest scope
    Map<String, Map<String, Long>> values = new HashMap<>();
    Map<String, Map<String, Integer>> depths = new HashMap<>();
    jdbc.query(
        SQL,
        Map.of("tasks", taskIds, "names", NAMES),
        row -> {
          String task = row.getString(1);
          String name = row.getString(2);
          int depth = row.getInt(5);
          Integer nearest = depths.computeIfAbsent(task, t -> new HashMap<>()).get(name);
          if (nearest != null && nearest <= depth) {
            return;
          }
          depths.get(task).put(name, depth);
          values
              .computeIfAbsent(task, t -> new HashMap<>())
              .put(name, number(row.getString(3), row));
        });
    for (String task : taskIds) {
      Map<String, Long> found = values.getOrDefault(task, Map.of());
      contexts.put(
          task,
          new TaskContext(
              found.get(WorkTasks.TASK_BOOK_ID),
              found.get(WorkTasks.WORK_ITEM_ID),
              found.get(WorkTasks.SUB_TASK_ID)));
    }
    return contexts;
  }

  /**
   * As {@code WorkTasks.context}: a number is an id, anything else is none. Numbers sit in LONG_.
   */
  private static Long number(String type, java.sql.ResultSet row) throws java.sql.SQLException {
    if (!"long".equals(type) && !"integer".equals(type) && !"short".equals(type)) {
      return null;
    }
    long value = row.getLong(4);
    return row.wasNull() ? null : value;
  }
}
