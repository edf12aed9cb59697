package org.duban.notification;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.duban.audit.AuditLog;
import org.duban.infrastructure.NotFound;
import org.duban.org.DepartmentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** Admins configure group robots: checked here, so bad input changes nothing. */
@Service
public class Robots {

  private final RobotRepository robots;
  private final DepartmentRepository departments;
  private final AuditLog audit;
  private final RobotAddresses addresses;

  Robots(
      RobotRepository robots,
      DepartmentRepository departments,
      AuditLog audit,
      RobotAddresses addresses) {
    this.robots = robots;
    this.departments = departments;
    this.audit = audit;
    this.addresses = addresses;
  }

  @Transactional(readOnly = true)
  public List<Robot> all() {
    return robots.findAllByOrderByPlatformAscDepartmentIdAscIdAsc();
  }

  /** Robot names by id (as text), for the delivery list. */
  @Transactional(readOnly = true)
  public java.util.Map<String, String> names() {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    all().forEach(r -> names.put(String.valueOf(r.getId()), r.getName()));
    return names;
  }

  /** Adds a robot when the form is valid; errors say what is wrong otherwise. */
  @Transactional
  public Robot add(RobotForm form, Errors errors) {
    Channel platform = check(form, errors);
    if (errors.hasErrors()) {
      return null;
    }
    Robot robot =
        robots.save(
            new Robot(
                platform,
                form.getDepartmentId(),
                form.getName().trim(),
                form.getWebhookUrl().trim(),
                secretOf(form, platform)));
    audit.record(
        "robot.create", "robot", String.valueOf(robot.getId()), null, RobotAudit.of(robot));
    return robot;
  }

  @Transactional
  public void change(Long id, RobotForm form, Errors errors) {
    Robot robot = robots.findById(id).orElseThrow(NotFound::new);
    form.setPlatform(robot.getPlatform().name());
    form.setDepartmentId(robot.getDepartmentId());
    check(form, errors);
    if (!errors.hasErrors()) {
      RobotAudit before = RobotAudit.of(robot);
      robot.change(
          form.getName().trim(),
          form.getWebhookUrl().trim(),
          secretOf(form, robot.getPlatform()),
          form.isActive());
      audit.record("robot.update", "robot", String.valueOf(id), before, RobotAudit.of(robot));
    }
  }

  @Transactional
  public void remove(Long id) {
    Robot robot = robots.findById(id).orElseThrow(NotFound::new);
    robots.delete(robot);
    audit.record("robot.delete", "robot", String.valueOf(id), RobotAudit.of(robot), null);
  }

  /** Department names by id, for the page. */
  @Transactional(readOnly = true)
  public Map<Long, String> departmentNames() {
    Map<Long, String> names = new java.util.LinkedHashMap<>();
    departments.findByActiveTrueOrderByIdAsc().forEach(d -> names.put(d.getId(), d.getName()));
    return names;
  }

  /** The hosts robots may post to, for the page's hint. */
  public String allowedHosts() {
    return addresses.allowedHosts();
  }

  private static String secretOf(RobotForm form, Channel platform) {
    // WeCom robots have no signing; a secret typed there would be a mistake kept forever
    return platform == Channel.DINGTALK ? form.getSecret() : null;
  }

  private Channel check(RobotForm form, Errors errors) {
    Channel platform = null;
    if (form.getPlatform() == null || !List.of("WECOM", "DINGTALK").contains(form.getPlatform())) {
      errors.rejectValue("platform", "notification.robots.platform.invalid");
    } else {
      platform = Channel.valueOf(form.getPlatform());
    }
    if (form.getDepartmentId() != null && departments.findById(form.getDepartmentId()).isEmpty()) {
      errors.rejectValue("departmentId", "notification.robots.department.invalid");
    }
    if (form.getName() == null
        || form.getName().isBlank()
        || form.getName().trim().length() > 100) {
      errors.rejectValue("name", "notification.robots.name.invalid");
    }
    if (!isWebAddress(form.getWebhookUrl())) {
      errors.rejectValue("webhookUrl", "notification.robots.url.invalid");
    } else {
      addresses
          .checkOnSave(form.getWebhookUrl())
          .ifPresent(
              refusal ->
                  errors.rejectValue(
                      "webhookUrl",
                      refusal.messageKey(),
                      new Object[] {addresses.allowedHosts()},
                      null));
    }
    if (form.getSecret() != null && form.getSecret().trim().length() > 200) {
      errors.rejectValue("secret", "notification.robots.secret.invalid");
    }
    return platform;
  }

  private static boolean isWebAddress(String url) {
    if (url == null || url.isBlank() || url.trim().length() > 1000) {
      return false;
    }
    try {
      URI uri = URI.create(url.trim());
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
