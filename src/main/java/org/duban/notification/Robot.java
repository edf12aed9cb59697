package org.duban.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A WeCom (企业微信) or DingTalk (钉钉) group robot: a webhook that posts into a department's group chat,
 * or into the hospital-wide supervision group when {@code departmentId} is null.
 */
@Entity
@Table(name = "notification_robot")
public class Robot {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Channel platform;

  private Long departmentId;
  private String name;

  @Column(name = "webhook_url")
  private String webhookUrl;

  /** DingTalk's signing secret (加签), or null. */
  private String secret;

  private boolean active = true;

  protected Robot() {}

  public Robot(Channel platform, Long departmentId, String name, String webhookUrl, String secret) {
    if (!platform.isRobot()) {
      throw new IllegalArgumentException("not a robot platform: " + platform);
    }
    this.platform = platform;
    this.departmentId = departmentId;
    this.name = name;
    this.webhookUrl = webhookUrl;
    this.secret = secret == null || secret.isBlank() ? null : secret;
  }

  /** A blank secret keeps the one set before: the page never shows it again. */
  void change(String name, String webhookUrl, String secret, boolean active) {
    this.name = name;
    this.webhookUrl = webhookUrl;
    if (secret != null && !secret.isBlank()) {
      this.secret = secret.trim();
    }
    this.active = active;
  }

  public boolean isHospitalWide() {
    return departmentId == null;
  }

  public Long getId() {
    return id;
  }

  public Channel getPlatform() {
    return platform;
  }

  public Long getDepartmentId() {
    return departmentId;
  }

  public String getName() {
    return name;
  }

  public String getWebhookUrl() {
    return webhookUrl;
  }

  public String getSecret() {
    return secret;
  }

  public boolean isActive() {
    return active;
  }
}
