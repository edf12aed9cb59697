package org.duban.itemhistory;

/** Kinds of item events; each has a message key {@code event.<NAME>}. */
public enum EventKind {
  BOOK_CREATED,
  BOOK_SUBMITTED,
  BOOK_APPROVED,
  BOOK_SENT_BACK,
  BOOK_REVISED,
  BOOK_ISSUED,
  SIGNING_QUESTION_RAISED,
  SIGNING_QUESTION_ANSWERED,
  BOOK_SIGNED,
  BOOK_CLOSED,
  ITEM_ISSUED,
  ITEM_CLAIMED,
  ITEM_DISPUTED,
  ITEM_REASSIGNED,
  ITEM_ASSIGNMENT_UPHELD,
  ITEM_BROKEN_DOWN,
  SUBTASK_DONE,
  COMPLETION_REPORTED,
  ITEM_SENT_BACK,
  ITEM_ACCEPTED,
  ITEM_CLOSED,
  CHECK_IN_SUBMITTED,
  CHECK_IN_MISSED,
  LIGHT_SET,
  ESCALATION_OPENED,
  ESCALATION_DISMISSED,
  NOTICE_ISSUED,
  PLAN_SUBMITTED,
  LEADER_INSTRUCTED,
  PLAN_ACCEPTED,
  PLAN_SENT_BACK,
  EVIDENCE_SUBMITTED,
  RECTIFICATION_REOPENED,
  SIGNED_OFF,
  BLUE_REMINDER_SENT,
  BACK_ON_TRACK,
  LADDER_CLIMBED,
  MEETING_REFERRED,
  MEETING_DECIDED,
  EVIDENCE_ATTACHED,
  CHANGE_PROPOSED,
  CHANGE_APPROVED,
  CHANGE_REJECTED,
  ITEM_URGED,
  /** A step an admin added in Modeler, with no Java behind it, was done. */
  STEP_DONE,
  /** A sub-task's task went to someone else because its person moved or left (TaskHandover). */
  SUBTASK_HANDED_OVER,
  /** An open escalation ended because its item was accepted (销号). */
  ESCALATION_ENDED_ITEM_ACCEPTED,
  /** An open escalation ended because a change cancelled its item. */
  ESCALATION_ENDED_ITEM_CANCELLED,
  /**
   * Issued to a department nobody could act for: its tasks went to the supervision office
   * (EmptyDepartments).
   */
  ITEM_ROUTED_TO_SUPERVISION,
  /** A draft book was deleted; the detail is its title. */
  BOOK_DELETED,
  /** An approved change request cancelled (撤销) the item; the detail is the change's reason. */
  ITEM_CANCELLED
}
