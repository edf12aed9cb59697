package org.duban.task;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Working days a waiting human step gets before it counts as missed, under {@code
 * duban.tasks.deadlines}. The models read them through {@code ${stepDeadlines.due('<step>')}}; a
 * missed step reminds first and then goes to the next person (the timers in processes/*.bpmn).
 *
 * @param triage 研判 of an escalation by the supervision office
 * @param meetingRecord recording the hospital meeting's decision
 * @param signBook signing a target responsibility book
 * @param signingQuestion answering a question raised while signing
 * @param bookReview a leader's review of a drafted book
 * @param scoreReview a department's review of its assessment score
 * @param scoreReviewGrace working days after a missed score review until it counts as accepted
 * @param blueWait working days the blue step waits for the next weekly sweep before it goes to
 *     triage
 * @param reminderBefore working days before a step's deadline that its holders are reminded
 * @param dueHour the hour of the working day after a deadline at which it counts as missed
 */
@ConfigurationProperties("duban.tasks.deadlines")
public record StepDeadlineSettings(
    @DefaultValue("2") int triage,
    @DefaultValue("5") int meetingRecord,
    @DefaultValue("5") int signBook,
    @DefaultValue("3") int signingQuestion,
    @DefaultValue("5") int bookReview,
    @DefaultValue("5") int scoreReview,
    @DefaultValue("3") int scoreReviewGrace,
    @DefaultValue("7") int blueWait,
    @DefaultValue("1") int reminderBefore,
    @DefaultValue("9") int dueHour) {

  /** The defaults above, for code and tests without Spring. */
  public static StepDeadlineSettings defaults() {
    return new StepDeadlineSettings(2, 5, 5, 3, 5, 5, 3, 7, 1, 9);
  }

  int workingDays(String step) {
    return switch (step) {
      case "triage" -> triage;
      case "meetingRecord" -> meetingRecord;
      case "signBook" -> signBook;
      case "signingQuestion" -> signingQuestion;
      case "bookReview" -> bookReview;
      case "scoreReview" -> scoreReview;
      case "blueWait" -> blueWait;
      default -> throw new IllegalArgumentException("no deadline setting for step " + step);
    };
  }
}
