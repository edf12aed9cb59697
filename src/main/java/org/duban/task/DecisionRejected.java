package org.duban.task;

/**
 * A decision the user can correct: the message key (with arguments) is shown beside the field and
 * the transaction rolls back.
 */
public class DecisionRejected extends RuntimeException {

  private final String field;
  private final String messageKey;
  private final transient Object[] args;

  public DecisionRejected(String field, String messageKey, Object... args) {
    super(messageKey);
    this.field = field;
    this.messageKey = messageKey;
    this.args = args;
  }

  public String field() {
    return field;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args;
  }
}
