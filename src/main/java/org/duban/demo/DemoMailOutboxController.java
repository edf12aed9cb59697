package org.duban.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** /demo/outbox: the mails the demo's mail catcher caught and the robot posts its receiver got. */
@Controller
@ConditionalOnProperty(prefix = "duban.demo", name = "enabled", havingValue = "true")
class DemoMailOutboxController {

  private final DemoMailCatcher mails;
  private final DemoWebhookReceiver webhooks;

  DemoMailOutboxController(DemoMailCatcher mails, DemoWebhookReceiver webhooks) {
    this.mails = mails;
    this.webhooks = webhooks;
  }

  @GetMapping("/demo/outbox")
  String outbox(Model model) {
    model.addAttribute("mails", mails.mails());
    model.addAttribute("posts", webhooks.posts());
    model.addAttribute("smtpPort", String.valueOf(mails.port()));
    return "demo/outbox";
  }
}
