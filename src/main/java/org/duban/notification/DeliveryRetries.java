package org.duban.notification;

import java.util.Map;
import org.duban.audit.AuditLog;
import org.duban.infrastructure.EngineClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An admin's "send again" for a delivery that was given up, recorded in the audit log. */
@Service
class DeliveryRetries {

  private final OutboxStore store;
  private final AuditLog audit;

  DeliveryRetries(OutboxStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  @Transactional
  public boolean retry(long id) {
    boolean again = store.retry(id, EngineClock.now());
    if (again) {
      audit.record(
          "notification.retry",
          "delivery",
          String.valueOf(id),
          Map.of("status", Delivery.Status.FAILED.name()),
          Map.of("status", Delivery.Status.PENDING.name()));
    }
    return again;
  }
}
