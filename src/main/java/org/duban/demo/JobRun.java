package org.duban.demo;

import java.io.Serializable;
import java.util.Date;

/**
 * One job the demo clock ran after a move: where it was, when it was due and how it ended. Shown
 * after the redirect as a flash attribute, which lives in the session in the database.
 */
record JobRun(String processKey, String activityId, Date dueDate, Outcome outcome, String message)
    implements Serializable {

  enum Outcome {
    DONE,
    FAILED,
    INCIDENT
  }
}
