package org.duban.notification;

import java.time.Clock;
import org.duban.org.PersonRepository;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two robot platforms as channels. */
@Configuration
class RobotChannels {

  @Bean
  DeliveryChannel wecomChannel(
      RobotRepository robots,
      RobotWebhook webhook,
      MessageSource messages,
      Links links,
      PersonRepository people) {
    return new RobotChannel(
        Channel.WECOM, robots, webhook, messages, links, people, Clock.systemUTC());
  }

  @Bean
  DeliveryChannel dingtalkChannel(
      RobotRepository robots,
      RobotWebhook webhook,
      MessageSource messages,
      Links links,
      PersonRepository people) {
    return new RobotChannel(
        Channel.DINGTALK, robots, webhook, messages, links, people, Clock.systemUTC());
  }
}
