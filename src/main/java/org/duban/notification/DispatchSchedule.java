package org.duban.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the dispatcher every {@code duban.notification.dispatch-interval} (default 15 s). Off in the
 * {@code test} profile, where tests call {@link Dispatcher#dispatchDue()} themselves, and with
 * {@code duban.notification.dispatch-enabled=false} (e.g. a node that should only serve pages).
 */
@Configuration
@EnableScheduling
@Profile("!test")
@ConditionalOnProperty(
    name = "duban.notification.dispatch-enabled",
    havingValue = "true",
    matchIfMissing = true)
class DispatchSchedule {

  private final Dispatcher dispatcher;

  DispatchSchedule(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Scheduled(
      initialDelayString = "${duban.notification.dispatch-interval:PT15S}",
      fixedDelayString = "${duban.notification.dispatch-interval:PT15S}")
  void dispatch() {
    dispatcher.dispatchDue();
  }
}
