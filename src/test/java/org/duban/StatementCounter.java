package org.duban;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts every SQL statement the application prepares, through the one DataSource that both
 * Hibernate and the engine (MyBatis) use: Hibernate's own statistics miss the engine's queries.
 * Import it into a Spring test and read {@link #count()} around the work to measure.
 */
@TestConfiguration
public class StatementCounter implements BeanPostProcessor {

  private static final Set<String> STATEMENTS =
      Set.of("prepareStatement", "prepareCall", "createStatement");

  private final AtomicLong statements = new AtomicLong();

  public long count() {
    return statements.get();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
      return proxy(
          DataSource.class,
          dataSource,
          (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? connection(connection) : result;
          });
    }
    return bean;
  }

  private Connection connection(Connection connection) {
    return proxy(
        Connection.class,
        connection,
        (target, method, args) -> {
          if (STATEMENTS.contains(method.getName())) {
            statements.incrementAndGet();
          }
          return invoke(target, method, args);
        });
  }

  private interface Handler<T> {
    Object handle(T target, Method method, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
    InvocationHandler invocation =
        (proxy, method, args) ->
            method.getName().equals("equals") && args != null && args.length == 1
                ? proxy == args[0]
                : handler.handle(target, method, args);
    return (T)
        Proxy.newProxyInstance(
            StatementCounter.class.getClassLoader(), new Class<?>[] {type}, invocation);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
