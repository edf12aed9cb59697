package org.duban.change;

/** A proposal the user can correct; nothing is written. {@code field} is null for the whole form. */
public class ChangeRejected extends RuntimeException {

  private final String field;
  private final String messageKey;

  public ChangeRejected(String field, String messageKey) {
    super(messageKey);
    this.field = field;
    this.messageKey = messageKey;
  }

  public String field() {
    return field;
  }

  public String messageKey() {
    return messageKey;
  }
}
