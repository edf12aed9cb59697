package org.duban.notification;

/**
 * Sends messages to people on the channels each one chose. {@link #send} only records the message
 * in the caller's transaction (so a rolled-back decision tells nobody); delivery happens after
 * commit, is retried on failure, and never blocks or rolls back the caller.
 */
public interface Notifier {

  void send(Message message);
}
