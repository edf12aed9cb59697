package org.duban.audit;

import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/**
 * What the auditor looks for; every part optional. The words are searched in the action, the
 * subject and the before and after values, so that a name or a number typed in finds its changes.
 */
public record AuditSearch(
    String actor,
    String action,
    String subjectType,
    String subjectId,
    LocalDate from,
    LocalDate to,
    String words) {

  public static AuditSearch everything() {
    return new AuditSearch(null, null, null, null, null, null, null);
  }

  Specification<AuditEvent> toSpecification() {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (present(actor)) {
        where.add(cb.equal(root.get("actor"), actor.trim()));
      }
      if (present(action)) {
        where.add(cb.like(root.get("action"), escape(action.trim()) + "%", '\\'));
      }
      if (present(subjectType)) {
        where.add(cb.equal(root.get("subjectType"), subjectType.trim()));
      }
      if (present(subjectId)) {
        where.add(cb.equal(root.get("subjectId"), subjectId.trim()));
      }
      if (from != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from.atStartOfDay()));
      }
      if (to != null) {
        where.add(cb.lessThan(root.get("occurredAt"), to.plusDays(1).atStartOfDay()));
      }
      if (present(words)) {
        String pattern = "%" + escape(words.trim().toLowerCase(Locale.ROOT)) + "%";
        where.add(
            cb.or(
                cb.like(cb.lower(root.get("action")), pattern, '\\'),
                cb.like(cb.lower(root.get("subjectId")), pattern, '\\'),
                cb.like(cb.lower(root.get("actorName")), pattern, '\\'),
                cb.like(cb.lower(root.get("before")), pattern, '\\'),
                cb.like(cb.lower(root.get("after")), pattern, '\\')));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /** Typed % and _ are looked for as themselves. */
  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
