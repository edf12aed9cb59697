package org.duban.infrastructure;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSourceResolvable;

/**
 * The one way to refuse what a user asked for: a message key of the bundles with its arguments, and
 * the form field it concerns (null for the form or the page as a whole). Thrown inside the
 * transaction, it rolls the transaction back, so nothing is written; a controller shows it with
 * {@link Refusals}, beside the field or as the page's warning.
 *
 * <p>Where a check finds several things wrong at once (a person's details, a pasted year of days),
 * one error carries them all: {@link #of(List)} throws them together and {@link #problems()} gives
 * them back; each is a UserError of its own (never thrown alone), so templates read {@code key()}
 * and {@code args()} the same for one or many. A refusal that comes with a report the page shows
 * again (the decomposition preview's rows) carries it as its {@link #detail(Class) detail}.
 *
 * <p>It is a {@link MessageSourceResolvable}: {@code messages.getMessage(error, locale)} is its
 * text in the reader's language.
 */
public class UserError extends RuntimeException implements MessageSourceResolvable {

  private final String field;
  private final String key;
  private final transient Object[] args;
  private final transient List<UserError> problems;
  private final transient Object detail;

  /** A refusal of the whole form or page. */
  public UserError(String key, Object... args) {
    this(null, key, args, null, null);
  }

  private UserError(
      String field, String key, Object[] args, List<UserError> problems, Object detail) {
    super(key);
    this.field = field;
    this.key = key;
    this.args = args == null ? new Object[0] : args;
    this.problems = problems == null ? List.of(this) : List.copyOf(problems);
    this.detail = detail;
  }

  /** A refusal of what was entered in one field, shown beside it. */
  public static UserError at(String field, String key, Object... args) {
    return new UserError(field, key, args, null, null);
  }

  /** Several problems found at once, refused together; the first one stands for them all. */
  public static UserError of(List<UserError> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a refusal needs at least one problem");
    }
    UserError first = problems.get(0);
    return new UserError(first.field, first.key, first.args, problems, null);
  }

  /**
   * This refusal with what the page shows beside it again (e.g. the report that found the
   * problems).
   */
  public UserError withDetail(Object detail) {
    return new UserError(
        field,
        key,
        args,
        problems.size() == 1 && problems.get(0) == this ? null : problems,
        detail);
  }

  /** The form field this concerns, or null for the whole form or page. */
  public String field() {
    return field;
  }

  /** The message key (bundles in {@code i18n/}). */
  public String key() {
    return key;
  }

  public Object[] args() {
    return args.clone();
  }

  /** Every problem refused together; just this one for a single refusal. */
  public List<UserError> problems() {
    return problems;
  }

  /** What came with the refusal for the page to show, if it is of the given type. */
  public <T> Optional<T> detail(Class<T> type) {
    return type.isInstance(detail) ? Optional.of(type.cast(detail)) : Optional.empty();
  }

  @Override
  public String[] getCodes() {
    return new String[] {key};
  }

  @Override
  public Object[] getArguments() {
    return args();
  }

  @Override
  public String getDefaultMessage() {
    return null;
  }

  @Override
  public String toString() {
    return "UserError["
        + (field == null ? "" : field + ": ")
        + key
        + (args.length == 0 ? "" : " " + Arrays.toString(args))
        + (problems.size() > 1 ? " and " + (problems.size() - 1) + " more" : "")
        + "]";
  }
}
