package org.duban.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Seeds the demo hospital once (after the models are deployed) and prints how to log in. */
@Component
@Order(10)
class DemoStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

  private final DemoHospital hospital;
  private final Environment environment;
  private final boolean enabled;
  private final String password;

  DemoStartup(
      DemoHospital hospital,
      Environment environment,
      @Value("${duban.demo.enabled}") boolean enabled,
      @Value("${duban.demo.password}") String password) {
    this.hospital = hospital;
    this.environment = environment;
    this.enabled = enabled;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled) {
      return;
    }
    if (!hospital.isSeeded()) {
      hospital.seed(password);
    }
    StringBuilder banner = new StringBuilder();
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    banner.append("\n==================== Duban 督办 ====================\n");
    banner
        .append("Open http://localhost:")
        .append(port)
        .append("/  (Cockpit: /camunda, admins only)\n");
    banner.append("Demo log-ins, password '").append(password).append("':\n");
    for (DemoHospital.DemoUser user : DemoHospital.USERS) {
      banner.append(
          String.format(
              "  %-12s %s（%s）%s%n", user.username(), user.fullName(), user.title(), user.roles()));
    }
    banner.append("=====================================================");
    log.info(banner.toString());
  }
}
