package org.duban.demo;

/** A move of the demo clock that was refused (message key of i18n/calendar); the clock is unchanged. */
class DemoClockRejected extends RuntimeException {

  private final String key;

  DemoClockRejected(String key) {
    super(key);
    this.key = key;
  }

  String key() {
    return key;
  }
}
