package org.duban.demo;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The demo's local mail catcher: an embedded GreenMail SMTP server on a free local port (or {@code
 * duban.demo.mail-port}), with Duban's mail sender pointed at it, so that e-mails can be watched on
 * /demo/outbox without any mail server. Only in the demo.
 */
@Component
@ConditionalOnProperty(prefix = "duban.demo", name = "enabled", havingValue = "true")
class DemoMailCatcher implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DemoMailCatcher.class);

  /** One caught mail, as the outbox page shows it. */
  record CaughtMail(LocalDateTime receivedAt, String to, String subject, String text) {}

  private final GreenMail greenMail;

  DemoMailCatcher(JavaMailSenderImpl mailSender, @Value("${duban.demo.mail-port:0}") int port) {
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    greenMail =
        new GreenMail(port == 0 ? setup.dynamicPort() : setup)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    greenMail.start();
    int actual = greenMail.getSmtp().getPort();
    mailSender.setHost("127.0.0.1");
    mailSender.setPort(actual);
    mailSender.setUsername(null);
    mailSender.setPassword(null);
    log.info(
        "Demo mail catcher (GreenMail SMTP) on 127.0.0.1:{}; mails are shown on /demo/outbox",
        actual);
  }

  int port() {
    return greenMail.getSmtp().getPort();
  }

  /** Newest first. */
  List<CaughtMail> mails() {
    List<CaughtMail> mails = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      mails.add(read(message));
    }
    java.util.Collections.reverse(mails);
    return mails;
  }

  private static CaughtMail read(MimeMessage message) {
    try {
      Object content = message.getContent();
      LocalDateTime at =
          message.getSentDate() == null
              ? null
              : LocalDateTime.ofInstant(message.getSentDate().toInstant(), ZoneId.systemDefault());
      String to =
          message.getAllRecipients() == null
              ? ""
              : String.join(
                  ", ", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
      return new CaughtMail(
          at,
          to,
          message.getSubject(),
          content instanceof String text ? text : String.valueOf(content));
    } catch (MessagingException | IOException e) {
      return new CaughtMail(null, "", "(unreadable: " + e.getMessage() + ")", "");
    }
  }

  @Override
  public void destroy() {
    greenMail.stop();
  }
}
