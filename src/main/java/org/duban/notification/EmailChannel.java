package org.duban.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail (UTF-8) with the full link back to Duban, in the recipient's language: people choose no
 * language of their own yet, so that is the hospital's, Chinese.
 */
@Component
class EmailChannel implements DeliveryChannel {

  private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private final JavaMailSenderImpl sender;
  private final MessageSource messages;
  private final Links links;
  private final PersonRepository people;
  private final String from;
  private final String fromName;

  EmailChannel(
      JavaMailSenderImpl sender,
      MessageSource messages,
      Links links,
      PersonRepository people,
      @Value("${duban.notification.mail-from:duban@localhost}") String from,
      @Value("${duban.notification.mail-from-name:}") String fromName) {
    this.sender = sender;
    this.messages = messages;
    this.links = links;
    this.people = people;
    this.from = from;
    // the sender's name is configurable; unset, it is the bundle's (督办系统)
    this.fromName =
        fromName.isBlank()
            ? messages.getMessage("notification.mail.fromName", null, CHINESE)
            : fromName;
  }

  /** Whether a mail server is configured; without one nobody is offered e-mail. */
  boolean available() {
    return sender.getHost() != null && !sender.getHost().isBlank();
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public void deliver(Delivery delivery) throws DeliveryFailed {
    if (!available()) {
      throw new DeliveryFailed("no mail server configured (spring.mail.host)");
    }
    try {
      MimeMessage mime = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from, fromName);
      helper.setTo(delivery.address());
      helper.setSubject(
          messages.getMessage(
              "notification.mail.subject", new Object[] {delivery.titleIn(CHINESE)}, CHINESE));
      helper.setText(text(delivery), false);
      sender.send(mime);
    } catch (MailException | MessagingException | UnsupportedEncodingException e) {
      throw new DeliveryFailed("mail to " + delivery.address() + ": " + e.getMessage(), e);
    }
  }

  private String text(Delivery delivery) {
    String name =
        people
            .findByUsername(delivery.recipientKey())
            .map(Person::getFullName)
            .orElse(delivery.recipientKey());
    StringBuilder text = new StringBuilder();
    text.append(messages.getMessage("notification.mail.greeting", new Object[] {name}, CHINESE))
        .append("\n\n");
    String body = delivery.bodyIn(CHINESE);
    if (body != null && !body.isBlank()) {
      text.append(body).append("\n\n");
    }
    text.append(
            messages.getMessage(
                "notification.mail.link", new Object[] {links.absolute(delivery.link())}, CHINESE))
        .append("\n\n");
    text.append(messages.getMessage("notification.mail.footer", null, CHINESE)).append('\n');
    return text.toString();
  }
}
