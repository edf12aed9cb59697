package org.duban.decomposition;

import java.util.ArrayList;
import java.util.List;

/**
 * The import's name screen as submitted: for each name of the table that matched nothing, what to
 * do with it. {@code choice} is empty (leave it), the id of an existing department or leader (map
 * it, remembered as an other name), or {@value #CREATE} (create it with {@code name} and {@code
 * title}).
 */
public class NameMappingForm {

  public static final String CREATE = "new";

  private List<Entry> departments = new ArrayList<>();
  private List<Entry> leaders = new ArrayList<>();

  public List<Entry> getDepartments() {
    return departments;
  }

  public void setDepartments(List<Entry> departments) {
    this.departments = departments == null ? new ArrayList<>() : departments;
  }

  public List<Entry> getLeaders() {
    return leaders;
  }

  public void setLeaders(List<Entry> leaders) {
    this.leaders = leaders == null ? new ArrayList<>() : leaders;
  }

  /** One name of the table and what to do with it. */
  public static class Entry {
    private String text = "";
    private String choice = "";
    private String name = "";
    private String title = "";

    public Entry() {}

    Entry(String text, String choice, String name, String title) {
      setText(text);
      setChoice(choice);
      setName(name);
      setTitle(title);
    }

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text == null ? "" : text.strip();
    }

    public String getChoice() {
      return choice;
    }

    public void setChoice(String choice) {
      this.choice = choice == null ? "" : choice.strip();
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name == null ? "" : name.strip();
    }

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title == null ? "" : title.strip();
    }

    boolean chosen() {
      return !choice.isEmpty();
    }

    boolean creates() {
      return CREATE.equals(choice);
    }

    /** The id chosen, or null when the choice is no number. */
    Long targetId() {
      try {
        return Long.valueOf(choice);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
