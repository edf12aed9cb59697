package org.duban.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An audit event as the page shows it. When before and after are both objects, only the fields that
 * differ are listed, so that a reader sees what changed rather than two blobs to compare.
 */
record AuditRow(AuditEvent event, List<FieldChange> changes) {

  private static final ObjectMapper JSON = new ObjectMapper();

  record FieldChange(String field, String before, String after) {}

  static AuditRow of(AuditEvent event) {
    return new AuditRow(event, changes(event.getBefore(), event.getAfter()));
  }

  public LocalDateTime occurredAt() {
    return event.getOccurredAt();
  }

  /** Empty when before and after are not both objects: the page shows them as they are. */
  private static List<FieldChange> changes(String before, String after) {
    JsonNode old = objectOrNull(before);
    JsonNode now = objectOrNull(after);
    if (old == null || now == null) {
      return List.of();
    }
    Set<String> fields = new LinkedHashSet<>();
    old.fieldNames().forEachRemaining(fields::add);
    now.fieldNames().forEachRemaining(fields::add);
    List<FieldChange> changes = new ArrayList<>();
    for (String field : fields) {
      String was = text(old.get(field));
      String is = text(now.get(field));
      if (!Objects.equals(was, is)) {
        changes.add(new FieldChange(field, was, is));
      }
    }
    return changes;
  }

  private static JsonNode objectOrNull(String value) {
    if (value == null || !value.startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(value);
      return node.isObject() ? node : null;
    } catch (Exception notJson) {
      return null;
    }
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
