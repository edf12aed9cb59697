package org.duban.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Field-level differences between two versions of a book, item by item. */
final class VersionDiff {

  private VersionDiff() {}

  private static final Map<String, Function<ItemSnapshot, String>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("seq", ItemSnapshot::seq);
    FIELDS.put("title", ItemSnapshot::title);
    FIELDS.put("target", ItemSnapshot::target);
    FIELDS.put("leadDepartment", ItemSnapshot::leadDepartment);
    FIELDS.put(
        "collaborators",
        s -> s.collaborators() == null ? null : String.join("、", s.collaborators()));
    FIELDS.put("leader", ItemSnapshot::leader);
    FIELDS.put("deadline", ItemSnapshot::deadline);
    FIELDS.put("acceptanceCriteria", ItemSnapshot::acceptanceCriteria);
  }

  static List<FieldChange> between(List<ItemSnapshot> before, List<ItemSnapshot> after) {
    Map<Long, ItemSnapshot> old = new LinkedHashMap<>();
    before.forEach(s -> old.put(s.itemId(), s));
    List<FieldChange> changes = new ArrayList<>();
    for (ItemSnapshot now : after) {
      ItemSnapshot was = old.remove(now.itemId());
      if (was == null) {
        changes.add(
            new FieldChange(now.itemId(), now.seq(), now.title(), "item", null, now.title()));
        continue;
      }
      FIELDS.forEach(
          (field, read) -> {
            String a = blankToNull(read.apply(was));
            String b = blankToNull(read.apply(now));
            if (!Objects.equals(a, b)) {
              changes.add(new FieldChange(now.itemId(), now.seq(), now.title(), field, a, b));
            }
          });
    }
    old.values()
        .forEach(
            s ->
                changes.add(
                    new FieldChange(s.itemId(), s.seq(), s.title(), "item", s.title(), null)));
    return changes;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
