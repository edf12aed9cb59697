package org.duban.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.infrastructure.UserError;

/**
 * The rule on goal-area weights: whole percents from 0 to 100 that sum to 100, and the areas of
 * party building (党建) weigh together at least {@value #PARTY_BUILDING_MINIMUM}%.
 */
public final class Weights {

  public static final int PARTY_BUILDING_MINIMUM = 30;
  static final String PARTY_BUILDING = "党建";

  /**
   * The same areas as the English suggestion of a new book names them (book.goalAreas.suggested).
   */
  static final String PARTY_BUILDING_EN = "party building";

  private Weights() {}

  /** An area of the book: id and name. */
  public record Area(Long id, String name) {

    boolean isPartyBuilding() {
      return name != null
          && (name.contains(PARTY_BUILDING)
              || name.toLowerCase(java.util.Locale.ROOT).contains(PARTY_BUILDING_EN));
    }
  }

  /**
   * Checks the weights of the given areas (every area needs one); throws {@link UserError} with a
   * Chinese message otherwise.
   */
  public static void validate(List<Area> areas, Map<Long, Integer> weights) {
    int sum = 0;
    for (Area area : areas) {
      Integer weight = weights.get(area.id());
      if (weight == null) {
        throw UserError.at("weights", "assessment.weights.missing", area.name());
      }
      if (weight < 0 || weight > 100) {
        throw UserError.at("weights", "assessment.weights.range", area.name());
      }
      sum += weight;
    }
    if (sum != 100) {
      throw UserError.at("weights", "assessment.weights.sum", sum);
    }
    List<Area> party = areas.stream().filter(Area::isPartyBuilding).toList();
    int partyTotal = party.stream().mapToInt(a -> weights.get(a.id())).sum();
    if (!party.isEmpty() && partyTotal < PARTY_BUILDING_MINIMUM) {
      String names = String.join("、", party.stream().map(Area::name).toList());
      throw UserError.at(
          "weights", "assessment.weights.partyBuilding", names, PARTY_BUILDING_MINIMUM);
    }
  }

  /**
   * A proposal that passes {@link #validate}: party building gets at least its minimum, the rest is
   * shared evenly, the remainder of the division going to the first areas.
   */
  public static Map<Long, Integer> defaults(List<Area> areas) {
    Map<Long, Integer> weights = new LinkedHashMap<>();
    if (areas.isEmpty()) {
      return weights;
    }
    List<Area> party = areas.stream().filter(Area::isPartyBuilding).toList();
    List<Area> others = areas.stream().filter(a -> !a.isPartyBuilding()).toList();
    int partyEach =
        party.isEmpty() ? 0 : (PARTY_BUILDING_MINIMUM + party.size() - 1) / party.size();
    if (party.isEmpty() || others.isEmpty() || 100 / areas.size() >= partyEach) {
      share(areas, 100, weights);
    } else {
      share(party, partyEach * party.size(), weights);
      share(others, 100 - partyEach * party.size(), weights);
    }
    Map<Long, Integer> ordered = new LinkedHashMap<>();
    areas.forEach(a -> ordered.put(a.id(), weights.get(a.id())));
    return ordered;
  }

  private static void share(List<Area> areas, int total, Map<Long, Integer> into) {
    int each = total / areas.size();
    int remainder = total - each * areas.size();
    for (int i = 0; i < areas.size(); i++) {
      into.put(areas.get(i).id(), each + (i < remainder ? 1 : 0));
    }
  }
}
