package org.duban.book;

/**
 * The one rule for when pages say 未填报 rather than a progress of 0%: the item has no submitted
 * check-in and no progress from elsewhere (closing sets 100%), and it is not closed. The board, the
 * item page and the task page all ask here, so they cannot disagree about the same item.
 */
public final class NeverReported {

  private NeverReported() {}

  public static boolean of(int percentDone, long submittedCheckIns, ItemStage stage) {
    return submittedCheckIns == 0 && percentDone == 0 && (stage == null || !stage.isEnded());
  }
}
