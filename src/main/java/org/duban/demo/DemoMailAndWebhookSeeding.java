package org.duban.demo;

import org.duban.notification.Channel;
import org.duban.notification.Preferences;
import org.duban.notification.Robot;
import org.duban.notification.RobotRepository;
import org.duban.org.DepartmentRepository;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo hospital's people e-mail addresses and the hospital group robots that post to the
 * demo's own webhook receiver: a hospital-wide WeCom group and a DingTalk group (with signing) for
 * 医务部. Once, after the demo hospital is seeded; an admin's later changes stay.
 */
@Component
@Order(15)
@ConditionalOnProperty(prefix = "duban.demo", name = "enabled", havingValue = "true")
class DemoMailAndWebhookSeeding implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoMailAndWebhookSeeding.class);

  static final String DINGTALK_SECRET = "SECdemo-duban-signing-secret";

  private final PersonRepository people;
  private final DepartmentRepository departments;
  private final Preferences preferences;
  private final RobotRepository robots;
  private final Environment environment;

  DemoMailAndWebhookSeeding(
      PersonRepository people,
      DepartmentRepository departments,
      Preferences preferences,
      RobotRepository robots,
      Environment environment) {
    this.people = people;
    this.departments = departments;
    this.preferences = preferences;
    this.robots = robots;
    this.environment = environment;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (robots.count() > 0) {
      return;
    }
    for (Person person : people.findAll()) {
      if (preferences.of(person.getUsername()).getEmail() == null) {
        preferences.useEmail(person.getUsername(), person.getUsername() + "@demo-hospital.cn");
      }
    }
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    String base = "http://127.0.0.1:" + port + "/demo/webhooks/";
    robots.save(new Robot(Channel.WECOM, null, "全院督办工作群（演示）", base + "wecom?key=demo", null));
    departments
        .findByCode("medical")
        .ifPresent(
            d ->
                robots.save(
                    new Robot(
                        Channel.DINGTALK,
                        d.getId(),
                        d.getName() + "工作群（演示）",
                        base + "dingtalk?access_token=demo",
                        DINGTALK_SECRET)));
    log.info(
        "Demo notifications: e-mail addresses for everyone, group robots posting to {}; see /demo/outbox",
        base);
  }
}
