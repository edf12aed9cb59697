package org.duban.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The demo's mail catcher takes over the mail sender and shows what it caught, newest first. */
class DemoMailCatcherTest {

  @Test
  void pointsTheMailSenderAtItselfAndKeepsWhatArrives() throws Exception {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    DemoMailCatcher catcher = new DemoMailCatcher(sender, 0);
    try {
      assertThat(sender.getHost()).isEqualTo("127.0.0.1");
      assertThat(sender.getPort()).isEqualTo(catcher.port()).isPositive();
      for (String subject : new String[] {"【督办】第一封", "【督办】第二封"}) {
        MimeMessage mail = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mail, false, "UTF-8");
        helper.setFrom("duban@localhost");
        helper.setTo("yiwu@demo-hospital.cn");
        helper.setSubject(subject);
        helper.setText("查看详情：http://localhost:8080/tasks/1");
        sender.send(mail);
      }
      assertThat(catcher.mails())
          .extracting(DemoMailCatcher.CaughtMail::subject)
          .containsExactly("【督办】第二封", "【督办】第一封");
      assertThat(catcher.mails().get(0).to()).isEqualTo("yiwu@demo-hospital.cn");
      assertThat(catcher.mails().get(0).text()).contains("http://localhost:8080/tasks/1");
    } finally {
      catcher.destroy();
    }
  }
}
