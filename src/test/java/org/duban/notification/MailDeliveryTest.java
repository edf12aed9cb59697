package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mail against a real SMTP server (GreenMail on a free port). */
class MailDeliveryTest extends NotificationTestSupport {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @BeforeEach
  void pointMailAtGreenMail() {
    mailSender.setHost("127.0.0.1");
    mailSender.setPort(smtp.getSmtp().getPort());
  }

  @Test
  void aChineseMailArrivesWithTheFullLinkBack() throws Exception {
    choose("tmedhead", "medhead@hospital.test", noQuietHours(), Channel.EMAIL);
    String key = eventKey();
    long itemId = item();
    sendCommitted(message(key, itemId, MessageKind.NOTICE, "督办通知：督〔2026〕15号 门诊预约率", "tmedhead"));

    dispatcher.dispatchDue();

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("【督办】督办通知：督〔2026〕15号 门诊预约率");
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("medhead@hospital.test");
    String text = (String) received[0].getContent();
    assertThat(received[0].getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(text)
        .contains("测试医务主任，您好")
        .contains("请于本周五前提交整改方案。")
        .contains("http://localhost:8080/items/" + itemId);
    assertThat(deliveries(key))
        .singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo(Delivery.Status.SENT));
  }

  @Test
  void theSameEventTwiceSendsOneMail() {
    choose("tnursehead", "nurse@hospital.test", noQuietHours(), Channel.EMAIL);
    String key = eventKey();
    Message message = message(key, item(), MessageKind.URGE, "催办", "tnursehead");
    sendCommitted(message);
    dispatcher.dispatchDue();
    sendCommitted(message);
    dispatcher.dispatchDue();

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from inbox_entry where event_key = ?", Integer.class, key))
        .isEqualTo(1);
  }

  @Test
  void mailInQuietHoursGoesOutWhenTheyEnd() {
    choose("tithead", "it@hospital.test", QuietHours.DEFAULT, Channel.EMAIL);
    at(MORNING.withHour(22).withMinute(30));
    String key = eventKey();
    sendCommitted(message(key, item(), MessageKind.REMINDER, "提醒：月度进展即将截止", "tithead"));

    dispatcher.dispatchDue();
    assertThat(smtp.getReceivedMessages()).isEmpty();

    at(MORNING.plusDays(1).withHour(7));
    dispatcher.dispatchDue();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void whenTheMailServerIsDownTheCallerCommitsAndTheMailGoesOutOnALaterTry() throws Exception {
    choose("tmedstaff", "staff@hospital.test", noQuietHours(), Channel.EMAIL);
    mailSender.setPort(closedPort());
    String key = eventKey();
    sendCommitted(message(key, item(), MessageKind.URGE, "催办：子任务", "tmedstaff"));
    // the caller's transaction committed: the inbox has the message whatever the mail server does
    assertThat(
            jdbc.queryForObject(
                "select count(*) from inbox_entry where event_key = ?", Integer.class, key))
        .isEqualTo(1);

    dispatcher.dispatchDue();
    Delivery failed = deliveries(key).get(0);
    assertThat(failed.status()).isEqualTo(Delivery.Status.PENDING);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).isNotBlank();
    assertThat(failed.nextAttemptAt()).isEqualTo(MORNING.plusMinutes(1));

    mailSender.setPort(smtp.getSmtp().getPort());
    dispatcher.dispatchDue();
    assertThat(smtp.getReceivedMessages()).as("not before the back-off").isEmpty();
    at(MORNING.plusMinutes(1));
    dispatcher.dispatchDue();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(deliveries(key).get(0).status()).isEqualTo(Delivery.Status.SENT);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
