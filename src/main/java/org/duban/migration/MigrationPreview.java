package org.duban.migration;

import java.util.List;

/**
 * What moving the running instances of one version to the latest would do: which activities map,
 * which of the old version have nowhere to go, which are new, and for each instance whether the
 * engine would move it and, if not, why.
 */
public record MigrationPreview(
    String processKey,
    String processName,
    int sourceVersion,
    int targetVersion,
    List<ActivityMapping> mappings,
    List<Activity> unmapped,
    List<Activity> added,
    List<InstanceVerdict> instances,
    int instancesNotChecked) {

  /** An activity by id and its name in the model (the id when it has none). */
  public record Activity(String id, String name) {}

  public record ActivityMapping(Activity source, Activity target) {}

  /**
   * What an instance is about: a work item or a task book, by title, with the path of its page.
   *
   * @param kind {@link #ITEM} or {@link #BOOK}
   */
  public record Subject(String kind, Long id, String title, String link) {
    public static final String ITEM = "item";
    public static final String BOOK = "book";
  }

  /**
   * One running instance: where it waits, and the reasons it cannot move (empty when it can), and
   * what it is about (null when neither an item nor a book). Reasons are message keys with
   * arguments, so that the page shows them in the reader's language.
   */
  public record InstanceVerdict(
      String instanceId,
      String businessKey,
      List<Activity> waitingAt,
      List<Reason> reasons,
      Subject subject) {
    public boolean movable() {
      return reasons.isEmpty();
    }
  }

  public record Reason(String key, Object... args) {}

  public List<InstanceVerdict> movable() {
    return instances.stream().filter(InstanceVerdict::movable).toList();
  }

  public List<InstanceVerdict> stuck() {
    return instances.stream().filter(i -> !i.movable()).toList();
  }
}
