package org.duban.book;

/** 红黄绿灯: set only by the weekly supervision rules, never typed in. */
public enum Light {
  GREEN,
  YELLOW,
  RED
}
