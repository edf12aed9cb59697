package org.duban.notification;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.duban.infrastructure.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds once it is due: claims each delivery atomically (so with several app
 * nodes a delivery is sent once), sends it outside any database transaction, and records the
 * outcome. A failure is tried again after a doubling back-off and given up after the last try.
 * Called by {@link DispatchSchedule} in the app and by hand in tests.
 */
@Component
public class Dispatcher {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  /** A node that died while sending frees its claims after this long. */
  private static final Duration CLAIM = Duration.ofMinutes(5);

  private static final Duration LONGEST_WAIT = Duration.ofHours(6);

  private final OutboxStore store;
  private final DeliveryPlanner planner;
  private final Map<Channel, DeliveryChannel> channels = new EnumMap<>(Channel.class);
  private final int maxAttempts;
  private final Duration firstRetry;
  private final int batchSize;
  private final String node;

  Dispatcher(
      OutboxStore store,
      DeliveryPlanner planner,
      List<DeliveryChannel> channels,
      @Value("${duban.notification.max-attempts:5}") int maxAttempts,
      @Value("${duban.notification.first-retry:PT1M}") Duration firstRetry,
      @Value("${duban.notification.batch-size:100}") int batchSize) {
    this.store = store;
    this.planner = planner;
    channels.forEach(c -> this.channels.put(c.channel(), c));
    this.maxAttempts = maxAttempts;
    this.firstRetry = firstRetry;
    this.batchSize = batchSize;
    this.node =
        ManagementFactory.getRuntimeMXBean().getName()
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Sends every delivery due now; returns how many went through. */
  public int dispatchDue() {
    return dispatchDue(node);
  }

  /** As {@link #dispatchDue()} under a given node name (tests play two nodes). */
  int dispatchDue(String nodeName) {
    int sent = 0;
    for (Long id : store.dueIds(EngineClock.now(), batchSize)) {
      LocalDateTime now = EngineClock.now();
      if (!store.claim(id, nodeName, now, now.plus(CLAIM))) {
        continue;
      }
      if (send(store.delivery(id), nodeName, now)) {
        sent++;
      }
    }
    return sent;
  }

  private boolean send(Delivery delivery, String nodeName, LocalDateTime now) {
    // preferences may have changed since the message was written
    LocalDateTime allowed = planner.dueFor(delivery.mentions(), now);
    if (allowed.isAfter(now)) {
      store.postpone(delivery.id(), nodeName, allowed);
      return false;
    }
    try {
      DeliveryChannel channel = channels.get(delivery.channel());
      if (channel == null) {
        throw new DeliveryFailed("no sender for " + delivery.channel());
      }
      channel.deliver(delivery);
      store.sent(delivery.id(), nodeName, EngineClock.now());
      return true;
    } catch (DeliveryFailed | RuntimeException e) {
      int attempts = delivery.attempts() + 1;
      LocalDateTime retryAt =
          attempts >= maxAttempts
              ? null
              : planner.dueFor(delivery.mentions(), now.plus(backOff(attempts)));
      String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      store.failed(
          delivery.id(),
          nodeName,
          error.length() > 1000 ? error.substring(0, 1000) : error,
          retryAt);
      if (retryAt == null) {
        log.warn(
            "gave up delivery {} ({} to {}) after {} tries: {}",
            delivery.id(),
            delivery.channel(),
            delivery.recipientKey(),
            attempts,
            error);
      } else {
        log.info(
            "delivery {} ({} to {}) failed, again at {}: {}",
            delivery.id(),
            delivery.channel(),
            delivery.recipientKey(),
            retryAt,
            error);
      }
      return false;
    }
  }

  /** 1, 2, 4, 8 … times the first wait, at most six hours. */
  Duration backOff(int failedAttempts) {
    Duration wait = firstRetry.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }
}
