package org.duban.task;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A test hook for the race between two people completing one task, inert in production: the bean
 * exists only when {@code duban.test.completion-overlap} is set (the concurrent-completion tests
 * set it to 2), and without it {@link WorkTasks} pays one null check. When set, every completion
 * made on a web request waits inside its transaction, after it has read the task as open and before
 * it writes anything, until that many completions are waiting, so two submissions truly overlap and
 * the one that comes second goes through the race handling of {@link WorkTasks#complete} (the
 * engine's optimistic lock, a unique key, the task gone under it) instead of finding the task
 * already gone before it starts. Completions outside a request (the demo's start-up) are never
 * held, and none waits longer than {@link #MOST}.
 */
@Component
@ConditionalOnProperty(name = "duban.test.completion-overlap")
class CompletionOverlap {

  private static final Logger log = LoggerFactory.getLogger(CompletionOverlap.class);
  private static final long MOST = 30;

  private final CyclicBarrier barrier;
  private final AtomicInteger heldTogether = new AtomicInteger();

  CompletionOverlap(@Value("${duban.test.completion-overlap}") int parties) {
    this.barrier = new CyclicBarrier(parties);
    log.warn(
        "Test hook on: each task completion on a web request waits for {} of them to overlap",
        parties);
  }

  void hold(String taskId) {
    if (RequestContextHolder.getRequestAttributes() == null) {
      return;
    }
    try {
      barrier.await(MOST, TimeUnit.SECONDS);
      heldTogether.incrementAndGet();
      log.info(
          "completion of task {} held until {} completions overlapped",
          taskId,
          barrier.getParties());
    } catch (TimeoutException | BrokenBarrierException e) {
      barrier.reset();
      log.warn("completion of task {} went on alone after waiting for others to overlap", taskId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How many completions went on together with others, since start. */
  int heldTogether() {
    return heldTogether.get();
  }
}
