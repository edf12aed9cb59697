package org.duban.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${sendWeeklyDigestDelegate}}: the weekly supervision's last step. Idempotent per week, so
 * a retried job or a second sweep in the week sends nothing new.
 */
@Component("sendWeeklyDigestDelegate")
class SendWeeklyDigestDelegate implements JavaDelegate {

  private final WeeklyDigest digest;

  SendWeeklyDigestDelegate(WeeklyDigest digest) {
    this.digest = digest;
  }

  @Override
  public void execute(DelegateExecution execution) {
    digest.send();
  }
}
