package org.duban;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, with MockMvc beside it, on the {@code test} profile. One
 * configuration for the web and deployment tests, so that Spring starts it once and caches it; the
 * real port is there for the engine's REST API and the Camunda webapps, which are not Spring MVC.
 * The {@link StatementCounter} is in it for the tests that count SQL statements (a JDBC proxy that
 * only counts), so that they need no application of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(ThisContextsEngine.class)
@Import(StatementCounter.class)
public @interface RunningAppTest {}
