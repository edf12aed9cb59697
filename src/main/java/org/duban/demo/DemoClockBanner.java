package org.duban.demo;

import org.duban.security.CurrentUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the demo clock on every page, so the banner can say when the clock is moved. Only Duban's
 * own controllers: an advice without a scope also runs for Actuator's endpoints, and reading the
 * clock (a database row) there made the liveness probe wait for a connection and answer 503 while
 * the database was away, which would have had a healthy node restarted.
 */
@ControllerAdvice(basePackages = "org.duban")
@ConditionalOnProperty(prefix = "duban.demo", name = "enabled", havingValue = "true")
class DemoClockBanner {

  private final DemoClock clock;

  DemoClockBanner(DemoClock clock) {
    this.clock = clock;
  }

  @ModelAttribute("demoClock")
  DemoClock.Status demoClock() {
    DemoClock.Status status = clock.status();
    return status.moved() ? status : null;
  }

  /** Whether the banner links to the clock's page: only for those who may move it. */
  @ModelAttribute("demoClockMovable")
  boolean demoClockMovable(@AuthenticationPrincipal CurrentUser user) {
    return DemoClockAccess.mayMove(user);
  }
}
