package org.duban.book;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;

/** The "new task book" form: the book's details and its goal areas. */
public class TaskBookFormData extends BookDetailsFormData {

  /** Goal areas, one per line or separated by 、 or commas. */
  @Size(max = 1000)
  private String goalAreas;

  @AssertTrue(message = "{book.goalAreas.required}")
  public boolean isGoalAreasGiven() {
    return !goalAreaNames().isEmpty();
  }

  public List<String> goalAreaNames() {
    if (goalAreas == null) {
      return List.of();
    }
    return Arrays.stream(goalAreas.split("[\\r\\n,，、;；]+"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(s -> s.length() > GoalArea.MAX_NAME ? s.substring(0, GoalArea.MAX_NAME) : s)
        .distinct()
        .toList();
  }

  public String getGoalAreas() {
    return goalAreas;
  }

  public void setGoalAreas(String goalAreas) {
    this.goalAreas = goalAreas;
  }
}
