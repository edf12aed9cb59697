package org.duban.infrastructure;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One line once start-up work (model deployment, engine grants, demo seeding) is done and the node
 * takes requests. Spring's "Started …" comes before that work, so operators, load balancer scripts
 * and the fault tests (AppProcess) wait for this line instead.
 */
@Component
class ReadyLog {

  static final String READY = "Duban ready";

  private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

  private final Environment environment;

  ReadyLog(Environment environment) {
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    log.info(
        "{} on port {} (node {})",
        READY,
        environment.getProperty("local.server.port", "?"),
        ManagementFactory.getRuntimeMXBean().getName());
  }
}
