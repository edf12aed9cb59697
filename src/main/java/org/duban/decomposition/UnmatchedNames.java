package org.duban.decomposition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.decomposition.HospitalDirectory.Match;

/**
 * The distinct department and leader names of a plan that the hospital's directory does not resolve
 * (unknown, ambiguous, or a person who is no leader), each once however many rows name it, in the
 * order the table first names them: what the import's name screen asks about.
 */
record UnmatchedNames(List<Name> departments, List<Name> leaders) {

  enum Why {
    UNKNOWN,
    AMBIGUOUS,
    NOT_LEADER
  }

  private static final java.util.regex.Pattern TITLE_WORDS =
      java.util.regex.Pattern.compile("书记|院长|主任|处长|科长|部长|[（(]");

  /** A name as the table writes it; {@code candidates} are those that fit an ambiguous one. */
  record Name(String text, Why why, List<String> candidates) {
    public boolean ambiguous() {
      return why == Why.AMBIGUOUS;
    }

    /**
     * Whether the text reads as a post (党委书记, 院长, 副院长（业务）) rather than a person's name: the screen
     * then offers it as the new leader's title, not their name.
     */
    public boolean titleLike() {
      return TITLE_WORDS.matcher(text).find();
    }
  }

  UnmatchedNames {
    departments = List.copyOf(departments);
    leaders = List.copyOf(leaders);
  }

  static UnmatchedNames of(ImportPlan plan, HospitalDirectory directory) {
    Map<String, Name> departments = new LinkedHashMap<>();
    Map<String, Name> leaders = new LinkedHashMap<>();
    for (PlannedRow row : plan.rows()) {
      if (row.status() != PlannedRow.Status.INVALID) {
        continue;
      }
      List<String> departmentTexts = new ArrayList<>();
      if (row.leadDepartmentId() == null) {
        departmentTexts.add(row.leadDepartment());
      }
      departmentTexts.addAll(row.collaborators());
      for (String text : departmentTexts) {
        if (candidate(text) && !departments.containsKey(HospitalDirectory.key(text))) {
          name(text, directory.department(text))
              .ifPresent(n -> departments.put(HospitalDirectory.key(text), n));
        }
      }
      String leader = row.leaderInCharge();
      if (row.leaderInChargeId() == null
          && candidate(leader)
          && !leaders.containsKey(HospitalDirectory.key(leader))) {
        name(leader, directory.leader(leader))
            .ifPresent(n -> leaders.put(HospitalDirectory.key(leader), n));
      }
    }
    return new UnmatchedNames(List.copyOf(departments.values()), List.copyOf(leaders.values()));
  }

  boolean isEmpty() {
    return departments.isEmpty() && leaders.isEmpty();
  }

  Optional<Name> department(String text) {
    return find(departments, text);
  }

  Optional<Name> leader(String text) {
    return find(leaders, text);
  }

  private static Optional<Name> find(List<Name> names, String text) {
    String key = HospitalDirectory.key(text);
    return names.stream().filter(n -> HospitalDirectory.key(n.text()).equals(key)).findFirst();
  }

  /** Blank cells are a missing value, and "#N/A" a formula's error: neither is a name to map. */
  private static boolean candidate(String text) {
    return text != null && !HospitalDirectory.key(text).isEmpty() && !text.strip().startsWith("#");
  }

  private static <T> Optional<Name> name(String text, Match<T> match) {
    String shown = text.strip();
    if (match instanceof Match.Ambiguous<T> ambiguous) {
      return Optional.of(new Name(shown, Why.AMBIGUOUS, ambiguous.names()));
    }
    if (match instanceof Match.NotLeader<T>) {
      return Optional.of(new Name(shown, Why.NOT_LEADER, List.of()));
    }
    if (match instanceof Match.Unknown<T>) {
      return Optional.of(new Name(shown, Why.UNKNOWN, List.of()));
    }
    return Optional.empty();
  }
}
