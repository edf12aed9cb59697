package org.duban.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.springframework.context.MessageSource;

/**
 * A group robot post in the platform's markdown: the title, the body, whom it is for, and a link
 * back to the task or item. WeCom takes {@code {"msgtype":"markdown","markdown":{"content":…}}},
 * DingTalk {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}} and, with a secret, a
 * signed address. A group's post is in the hospital's language, Chinese.
 */
class RobotChannel implements DeliveryChannel {

  private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private final Channel platform;
  private final RobotRepository robots;
  private final RobotWebhook webhook;
  private final MessageSource messages;
  private final Links links;
  private final PersonRepository people;
  private final Clock wallClock;

  RobotChannel(
      Channel platform,
      RobotRepository robots,
      RobotWebhook webhook,
      MessageSource messages,
      Links links,
      PersonRepository people,
      Clock wallClock) {
    this.platform = platform;
    this.robots = robots;
    this.webhook = webhook;
    this.messages = messages;
    this.links = links;
    this.people = people;
    this.wallClock = wallClock;
  }

  @Override
  public Channel channel() {
    return platform;
  }

  @Override
  public void deliver(Delivery delivery) throws DeliveryFailed {
    Robot robot =
        robots
            .findById(Long.valueOf(delivery.address()))
            .filter(Robot::isActive)
            .orElseThrow(
                () ->
                    new DeliveryFailed(
                        "robot " + delivery.address() + " was removed or turned off"));
    String markdown = markdown(delivery);
    if (platform == Channel.WECOM) {
      webhook.post(robot.getWebhookUrl(), payload(Map.of("content", markdown)));
    } else {
      Map<String, Object> content = new LinkedHashMap<>();
      content.put("title", delivery.titleIn(CHINESE));
      content.put("text", markdown);
      String url = robot.getWebhookUrl();
      if (robot.getSecret() != null) {
        // DingTalk refuses a timestamp more than an hour off its own clock: the real time, not the
        // engine's (which the demo and tests move)
        url = DingTalkSignature.signedUrl(url, wallClock.millis(), robot.getSecret());
      }
      webhook.post(url, payload(content));
    }
  }

  private static Map<String, Object> payload(Map<String, Object> markdown) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("msgtype", "markdown");
    payload.put("markdown", markdown);
    return payload;
  }

  String markdown(Delivery delivery) {
    StringBuilder text = new StringBuilder();
    String kind = messages.getMessage("notification.kind." + delivery.kind().name(), null, CHINESE);
    text.append(platform == Channel.WECOM ? "**" : "#### ")
        .append(escape(delivery.titleIn(CHINESE)))
        .append(platform == Channel.WECOM ? "**" : "")
        .append("\n\n");
    text.append("> ").append(kind).append("\n\n");
    String body = delivery.bodyIn(CHINESE);
    if (body != null && !body.isBlank()) {
      text.append(escape(body).replace("\n", "\n\n")).append("\n\n");
    }
    List<String> names = new ArrayList<>();
    for (String username : delivery.mentions()) {
      names.add(people.findByUsername(username).map(Person::getFullName).orElse(username));
    }
    if (!names.isEmpty()) {
      text.append(
              messages.getMessage(
                  "notification.robot.for", new Object[] {String.join("、", names)}, CHINESE))
          .append("\n\n");
    }
    text.append('[')
        .append(messages.getMessage("notification.robot.open", null, CHINESE))
        .append("](")
        .append(links.absolute(delivery.link()))
        .append(')');
    return text.toString();
  }

  /** Keeps brackets in people's text from turning into links of their own. */
  private static String escape(String text) {
    return text.replace("[", "［").replace("]", "］");
  }
}
