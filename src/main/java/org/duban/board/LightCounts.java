package org.duban.board;

/** Items of one row of the board (the hospital, an area, a department or a leader) by bucket. */
public record LightCounts(
    String key,
    String label,
    long red,
    long yellow,
    long green,
    long none,
    long closed,
    long overdue,
    long notices) {

  public long open() {
    return red + yellow + green + none;
  }

  public long total() {
    return open() + closed;
  }

  public long count(Bucket bucket) {
    return switch (bucket) {
      case ALL -> total();
      case RED -> red;
      case YELLOW -> yellow;
      case GREEN -> green;
      case NONE -> none;
      case CLOSED -> closed;
      case OVERDUE -> overdue;
      case NOTICE -> notices;
    };
  }
}
