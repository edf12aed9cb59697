package org.duban.notification;

/**
 * A send that did not go through (SMTP down, HTTP 500, a robot's non-zero errcode): tried again
 * later.
 */
class DeliveryFailed extends Exception {

  DeliveryFailed(String message) {
    super(message);
  }

  DeliveryFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
