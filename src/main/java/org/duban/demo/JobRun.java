package org.duban.demo;

import java.util.Date;

/** One job the demo clock ran after a move: where it was, when it was due and how it ended. */
record JobRun(String processKey, String activityId, Date dueDate, Outcome outcome, String message) {

  enum Outcome {
    DONE,
    FAILED,
    INCIDENT
  }
}
