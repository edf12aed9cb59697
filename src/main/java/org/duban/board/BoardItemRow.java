package org.duban.board;

import java.time.LocalDate;
import org.duban.book.ItemStage;
import org.duban.book.Light;
import org.duban.book.NeverReported;
import org.duban.infrastructure.MessageTexts;

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
    int percentDone,
    long submittedCheckIns) {

  /**
   * A row as the query reads it: the light's reason worded for the reader from its key (V32) when
   * it has one.
   */
  public BoardItemRow(
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
      String lightReasonKey,
      String lightReasonArgs,
      LocalDate deadline,
      int percentDone,
      long submittedCheckIns) {
    this(
        id,
        seq,
        title,
        book,
        area,
        department,
        leader,
        stage,
        light,
        MessageTexts.stored(lightReasonKey, lightReasonArgs, lightReason),
        deadline,
        percentDone,
        submittedCheckIns);
  }

  /** A row of an item whose check-ins are not counted: shown as having reported. */
  public BoardItemRow(
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
    this(
        id,
        seq,
        title,
        book,
        area,
        department,
        leader,
        stage,
        light,
        lightReason,
        deadline,
        percentDone,
        1);
  }

  /** Never reported and no progress from elsewhere: the board says 未填报, not 0%. */
  public boolean neverReported() {
    return NeverReported.of(percentDone, submittedCheckIns, stage);
  }

  /** The light's CSS and message suffix: GREEN, YELLOW, RED, NONE, or CLOSED for a closed item. */
  public String shown() {
    if (stage == ItemStage.CLOSED || stage == ItemStage.CANCELLED) {
      return "CLOSED";
    }
    return light == null ? "NONE" : light.name();
  }
}
