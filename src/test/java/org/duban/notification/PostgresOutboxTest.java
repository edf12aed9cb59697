package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.duban.PostgresAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox on PostgreSQL, which aborts a whole transaction after a failed statement: a duplicate
 * event or daily slot must not spoil the caller's work, and the dispatcher's SQL must run there.
 */
// the robots here post to a receiver on this machine, which production refuses (RobotAddresses);
// PostgresAppTest allows it
@PostgresAppTest
class PostgresOutboxTest extends NotificationTestSupport {

  @Autowired Savepoints savepoints;

  @Test
  void aDuplicateInTheCallersTransactionLeavesTheCallersWorkIntact() {
    choose("tmedhead", "medhead@hospital.test", noQuietHours(), Channel.EMAIL);
    mailSender.setHost("127.0.0.1");
    String key = eventKey();
    long itemId = item();
    sendCommitted(message(key, itemId, MessageKind.NOTICE, "督办通知", "tmedhead"));

    String later = eventKey();
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              // a racing second writer of the same event: refused by the unique key …
              long id =
                  store.insertMessage(
                      message(key, itemId, MessageKind.NOTICE, "督办通知", "tmedhead"), MORNING);
              assertThat(
                      savepoints.once(() -> store.insertInboxEntry(id, "tmedhead", key, MORNING)))
                  .isFalse();
              store.deleteMessage(id);
              // … and a second message about the item the same day finds its slot taken
              notifier.send(message(later, itemId, MessageKind.URGE, "催办", "tmedhead"));
              // the caller goes on writing in the same transaction, which then commits
              jdbc.update(
                  "insert into notification_preference (username, email) values ('tpgcaller', 'x@hospital.test')");
            });

    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification_preference where username = 'tpgcaller'",
                Integer.class))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from inbox_entry where event_key = ?", Integer.class, key))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from inbox_entry where event_key = ?", Integer.class, later))
        .isEqualTo(1);
    assertThat(deliveries(key)).hasSize(1);
    assertThat(deliveries(later)).isEmpty();
  }

  @Test
  void theDispatcherClaimsAndSendsOnPostgres() throws IOException {
    AtomicInteger posts = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          posts.incrementAndGet();
          byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, ok.length);
          exchange.getResponseBody().write(ok);
          exchange.close();
        });
    server.start();
    try {
      robots.save(
          new Robot(
              Channel.WECOM,
              null,
              "全院群",
              "http://127.0.0.1:" + server.getAddress().getPort() + "/send",
              null));
      choose("tducha", null, noQuietHours(), Channel.WECOM);
      String key = eventKey();
      sendCommitted(message(key, item(), MessageKind.ESCALATION, "督办升级", "tducha"));

      dispatcher.dispatchDue("pg-a");
      dispatcher.dispatchDue("pg-b");

      assertThat(posts.get()).isEqualTo(1);
      assertThat(deliveries(key))
          .singleElement()
          .satisfies(d -> assertThat(d.status()).isEqualTo(Delivery.Status.SENT));
    } finally {
      server.stop(0);
    }
  }
}
