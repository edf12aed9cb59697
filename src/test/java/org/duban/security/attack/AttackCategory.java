package org.duban.security.attack;

/** The kinds of attack and bad input the suite tries, in the order its table prints them. */
enum AttackCategory {
  SCRIPT_IN_TEXT("script in text fields comes back escaped"),
  OVERSIZED("oversized fields and uploads"),
  CSRF("CSRF token on state-changing posts"),
  FORGED_ID("forged ids of other departments' records"),
  PATH_TRAVERSAL("path traversal in file names"),
  REST_RIGHTS("REST calls without or with the wrong rights"),
  LOCK_OUT("log-in lock-out"),
  SESSION("session fixation and log-out"),
  HEADERS("security headers and cookies"),
  ODD_INPUT("open redirect, SQL-like input, method tampering, error pages"),
  SERVER_SIDE_REQUEST("web hooks to this machine or internal networks"),
  INSTALL("safe by default: demo off and closed, no known or engine passwords, sessions ended"),
  TASK_RIGHTS(
      "steps forced by who may not take them: staff claiming for the department, a drafter reviewing");

  private final String label;

  AttackCategory(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
