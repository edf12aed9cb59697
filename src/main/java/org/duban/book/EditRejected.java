package org.duban.book;

/** An edit of a draft the user can correct; the message key is shown on the editor page. */
public class EditRejected extends RuntimeException {

  private final String messageKey;

  public EditRejected(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
