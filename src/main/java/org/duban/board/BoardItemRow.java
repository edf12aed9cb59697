package org.duban.board;

import java.time.LocalDate;
import org.duban.workitem.ItemStage;
import org.duban.workitem.Light;

/** One item behind a number on the board, as its list shows it. */
public record BoardItemRow(
    Long id,
    String seq,
    String title,
    String book,
    String area,
    String department,
    String leader,
    ItemStage stage,
    Light light,
    String lightReason,
    LocalDate deadline,
    int percentDone) {

  /** The light's CSS and message suffix: GREEN, YELLOW, RED, NONE, or CLOSED for a closed item. */
  public String shown() {
    if (stage == ItemStage.CLOSED) {
      return "CLOSED";
    }
    return light == null ? "NONE" : light.name();
  }
}
