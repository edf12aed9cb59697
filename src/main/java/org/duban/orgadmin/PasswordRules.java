package org.duban.orgadmin;

import java.util.ArrayList;
import java.util.List;
import org.duban.infrastructure.UserError;

/**
 * What a password must be: at least 8 characters with letters and digits, at most 64 (the hash
 * reads no more than 72 bytes), and not the username.
 */
public final class PasswordRules {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 64;

  private PasswordRules() {}

  public static List<UserError> check(String username, String password) {
    List<UserError> problems = new ArrayList<>();
    if (password == null || password.isEmpty()) {
      problems.add(new UserError("people.password.missing"));
      return problems;
    }
    if (password.length() < MIN_LENGTH) {
      problems.add(new UserError("people.password.tooShort", MIN_LENGTH));
    }
    if (password.length() > MAX_LENGTH) {
      problems.add(new UserError("people.password.tooLong", MAX_LENGTH));
    }
    boolean letter = password.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
    boolean digit = password.chars().anyMatch(c -> c >= '0' && c <= '9');
    if (!letter || !digit) {
      problems.add(new UserError("people.password.lettersAndDigits"));
    }
    if (username != null && password.equalsIgnoreCase(username.strip())) {
      problems.add(new UserError("people.password.isUsername"));
    }
    return problems;
  }
}
