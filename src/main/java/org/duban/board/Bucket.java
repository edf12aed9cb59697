package org.duban.board;

/**
 * A number on the board and the items behind it: open items by light (NONE = not lit yet), closed
 * items apart, open items past their deadline, and items with an open supervision notice (督办单).
 */
public enum Bucket {
  ALL,
  RED,
  YELLOW,
  GREEN,
  NONE,
  CLOSED,
  OVERDUE,
  NOTICE
}
