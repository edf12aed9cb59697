package org.duban.notification;

import java.net.URI;

/**
 * A robot as the audit log keeps it: the webhook's host only and whether a signing secret is set,
 * because the webhook's key and the secret let anyone post to the hospital's group.
 */
record RobotAudit(
    String platform,
    Long departmentId,
    String name,
    String webhookHost,
    boolean signed,
    boolean active) {

  static RobotAudit of(Robot robot) {
    return new RobotAudit(
        robot.getPlatform().name(),
        robot.getDepartmentId(),
        robot.getName(),
        host(robot.getWebhookUrl()),
        robot.getSecret() != null && !robot.getSecret().isBlank(),
        robot.isActive());
  }

  private static String host(String url) {
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
