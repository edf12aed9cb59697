package org.duban.report;

/** A report that cannot be generated as asked; the message key says why, in the user's language. */
public class ReportRejected extends RuntimeException {

  private final String messageKey;

  ReportRejected(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
