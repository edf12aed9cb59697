package org.duban.notification;

/** Why a message is sent; the inbox groups and labels messages by it. */
public enum MessageKind {
  /** A due date comes near (蓝色提醒 and task reminders). */
  REMINDER,
  /** A manual urge (催办) by the supervision office or the issuer. */
  URGE,
  /** A numbered supervision notice (督办通知). */
  NOTICE,
  /** An item climbed the escalation ladder. */
  ESCALATION,
  /** An item is on a hospital meeting's agenda, or the meeting decided. */
  MEETING,
  /** A rectification was signed off (销号) or reopened. */
  RECTIFICATION,
  /** The weekly digest. */
  DIGEST,
  /**
   * A step of the year-end assessment (考核): scores to review, an appeal to decide or decided,
   * results published.
   */
  ASSESSMENT
}
