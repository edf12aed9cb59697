package org.duban.urge;

/** An urge that is not recorded; the message key (with its arguments) says why, in the user's language. */
public class UrgeRejected extends RuntimeException {

  private final String messageKey;
  private final Object[] arguments;

  UrgeRejected(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = arguments;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
