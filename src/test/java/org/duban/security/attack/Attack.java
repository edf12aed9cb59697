package org.duban.security.attack;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test (or every test of a class) as cases of the attack suite: each invocation, a
 * parameterized one included, is one case counted under its category by {@link AttackSuite}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(AttackSuite.class)
@interface Attack {
  AttackCategory value();
}
