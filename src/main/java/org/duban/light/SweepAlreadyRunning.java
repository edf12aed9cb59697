package org.duban.light;

/**
 * "Run now" refused: a sweep is running (the timer's, or one someone else started, on any node).
 */
public class SweepAlreadyRunning extends RuntimeException {

  private final RunningSweep running;

  SweepAlreadyRunning(RunningSweep running) {
    super(
        "weekly supervision sweep "
            + running.sweepId()
            + " is still running: "
            + running.itemsDone()
            + " of "
            + running.itemCount()
            + " items");
    this.running = running;
  }

  public RunningSweep running() {
    return running;
  }
}
