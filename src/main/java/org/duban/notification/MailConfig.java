package org.duban.notification;

import java.util.Properties;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail sender, from the usual {@code spring.mail.*} settings. Spring Boot makes one only when
 * {@code spring.mail.host} is set; Duban always has one so that the demo's mail catcher and the
 * tests' SMTP server can be plugged in at run time. Without a host, e-mail is simply not offered.
 */
@Configuration
@EnableConfigurationProperties(MailProperties.class)
class MailConfig {

  @Bean
  JavaMailSenderImpl dubanMailSender(MailProperties properties) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(properties.getHost());
    if (properties.getPort() != null) {
      sender.setPort(properties.getPort());
    }
    sender.setUsername(properties.getUsername());
    sender.setPassword(properties.getPassword());
    sender.setProtocol(properties.getProtocol());
    sender.setDefaultEncoding(properties.getDefaultEncoding().name());
    Properties javaMail = new Properties();
    // a mail server that hangs must not hold the dispatcher for minutes
    javaMail.setProperty("mail.smtp.connectiontimeout", "10000");
    javaMail.setProperty("mail.smtp.timeout", "10000");
    javaMail.setProperty("mail.smtp.writetimeout", "10000");
    javaMail.putAll(properties.getProperties());
    sender.setJavaMailProperties(javaMail);
    return sender;
  }
}
