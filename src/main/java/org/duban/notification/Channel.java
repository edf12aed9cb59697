package org.duban.notification;

/**
 * A way out of the app. The in-app inbox is not one of them: it is always on and gets every
 * message; these are chosen by each person and limited to one message per item per day.
 */
public enum Channel {
  EMAIL,
  WECOM,
  DINGTALK;

  public boolean isRobot() {
    return this != EMAIL;
  }

  public String messageKey() {
    return "notification.channel." + name();
  }
}
