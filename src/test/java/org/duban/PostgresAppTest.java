package org.duban;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link RunningAppTest} on a real PostgreSQL, the production database ({@link TestPostgres}): one
 * configuration for every PostgreSQL test, so that Spring starts that application once per test JVM
 * and caches it beside the H2 one. Robots may post to this machine here, for the robot tests'
 * receivers (RobotDeliveryTest runs here for that, rather than start a context of its own); no test
 * of this context checks that such addresses are refused (the H2 one does).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RunningAppTest
@Import(TestPostgres.Database.class)
@TestPropertySource(properties = "duban.notification.robot-allow-local=true")
public @interface PostgresAppTest {}
