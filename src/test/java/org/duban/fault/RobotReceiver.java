package org.duban.fault;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stands in for a WeCom group robot on 127.0.0.1: answers each post as WeCom does and counts how
 * often it received each token ({@code fault-msg-<n>}) in a post's text, so that a test sees what
 * really arrived, not only what the outbox says it sent.
 */
final class RobotReceiver implements AutoCloseable {

  private static final Pattern TOKEN = Pattern.compile("fault-msg-(\\d+)");

  private final Map<Integer, AtomicInteger> received = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  private RobotReceiver(long answerDelayMillis) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext(
        "/hook",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          Matcher token = TOKEN.matcher(body);
          if (token.find()) {
            received
                .computeIfAbsent(Integer.valueOf(token.group(1)), k -> new AtomicInteger())
                .incrementAndGet();
          }
          if (answerDelayMillis > 0) {
            AppProcess.sleep(answerDelayMillis);
          }
          byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  /** A receiver that takes {@code answerDelayMillis} to answer, as a robot platform does. */
  static RobotReceiver start(long answerDelayMillis) {
    return new RobotReceiver(answerDelayMillis);
  }

  String webhookUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook?key=x";
  }

  /** An active WeCom robot (no department) whose webhook is this receiver; returns its id. */
  long registerRobot(JdbcTemplate jdbc, String name) {
    jdbc.update(
        "insert into notification_robot (platform, department_id, name, webhook_url, secret, active)"
            + " values ('WECOM', null, ?, ?, null, true)",
        name,
        webhookUrl());
    return jdbc.queryForObject(
        "select id from notification_robot where name = ?", Long.class, name);
  }

  /** How often each token arrived. */
  Map<Integer, AtomicInteger> received() {
    return received;
  }

  int timesReceived(int token) {
    AtomicInteger times = received.get(token);
    return times == null ? 0 : times.get();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
