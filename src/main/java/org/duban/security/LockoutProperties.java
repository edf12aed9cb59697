package org.duban.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code duban.security.lockout.*}: after {@code max-failures} consecutive failed log-ins a user
 * name is locked for {@code duration}.
 */
@ConfigurationProperties("duban.security.lockout")
public record LockoutProperties(Integer maxFailures, Duration duration) {

  public LockoutProperties {
    if (maxFailures == null) {
      maxFailures = 5;
    }
    if (duration == null) {
      duration = Duration.ofMinutes(15);
    }
    if (maxFailures < 1 || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(
          "duban.security.lockout: max-failures must be at least 1 and duration positive");
    }
  }
}
