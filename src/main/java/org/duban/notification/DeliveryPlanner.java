package org.duban.notification;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duban.org.Person;
import org.duban.org.PersonRepository;
import org.springframework.stereotype.Component;

/**
 * Decides, for the people a message newly reached, which deliveries to write: an e-mail to each who
 * chose e-mail and has an address, and one post per group robot for those who chose WeCom or
 * DingTalk (their department's robot, else the hospital-wide one), naming them. A delivery waits
 * for the end of quiet hours, and takes the day's slot for its item and channel: a second message
 * about the same item that day stays in the inbox only.
 */
@Component
class DeliveryPlanner {

  private final OutboxStore store;
  private final Savepoints savepoints;
  private final NotificationPreferenceRepository preferences;
  private final PersonRepository people;
  private final RobotRepository robots;
  private final EmailChannel email;

  DeliveryPlanner(
      OutboxStore store,
      Savepoints savepoints,
      NotificationPreferenceRepository preferences,
      PersonRepository people,
      RobotRepository robots,
      EmailChannel email) {
    this.store = store;
    this.savepoints = savepoints;
    this.preferences = preferences;
    this.people = people;
    this.robots = robots;
    this.email = email;
  }

  void plan(long messageId, Message message, List<String> recipients, LocalDateTime now) {
    Map<Robot, List<String>> robotPosts = new LinkedHashMap<>();
    for (String recipient : recipients) {
      NotificationPreference preference = preferenceOf(recipient);
      if (preference.wants(Channel.EMAIL) && preference.getEmail() != null && email.available()) {
        LocalDateTime due = preference.quietHours().nextAllowed(now);
        plan(
            messageId,
            message,
            Channel.EMAIL,
            recipient,
            preference.getEmail(),
            List.of(recipient),
            due,
            now);
      }
      Long departmentId =
          people
              .findByUsername(recipient)
              .map(Person::getDepartment)
              .map(d -> d.getId())
              .orElse(null);
      for (Channel platform : List.of(Channel.WECOM, Channel.DINGTALK)) {
        if (preference.wants(platform)) {
          robotFor(platform, departmentId)
              .ifPresent(
                  robot ->
                      robotPosts.computeIfAbsent(robot, r -> new ArrayList<>()).add(recipient));
        }
      }
    }
    robotPosts.forEach(
        (robot, mentioned) ->
            plan(
                messageId,
                message,
                robot.getPlatform(),
                robotKey(robot.getId()),
                String.valueOf(robot.getId()),
                mentioned,
                dueFor(mentioned, now),
                now));
  }

  /** The moment none of these people is in quiet hours any more (a group post waits for all). */
  LocalDateTime dueFor(List<String> usernames, LocalDateTime now) {
    LocalDateTime due = now;
    for (String username : usernames) {
      LocalDateTime allowed = preferenceOf(username).quietHours().nextAllowed(now);
      if (allowed.isAfter(due)) {
        due = allowed;
      }
    }
    return due;
  }

  NotificationPreference preferenceOf(String username) {
    return preferences.findById(username).orElseGet(() -> new NotificationPreference(username));
  }

  static String robotKey(Long robotId) {
    return "robot:" + robotId;
  }

  private void plan(
      long messageId,
      Message message,
      Channel channel,
      String recipientKey,
      String address,
      List<String> mentions,
      LocalDateTime due,
      LocalDateTime now) {
    savepoints.once(
        () -> {
          if (message.workItemId() != null) {
            // the day the message goes out: one deferred from 23:00 counts for the next morning
            store.takeDailySlot(recipientKey, channel, message.workItemId(), due.toLocalDate());
          }
          store.insertDelivery(
              messageId, message.eventKey(), channel, recipientKey, address, mentions, due, now);
        });
  }

  private Optional<Robot> robotFor(Channel platform, Long departmentId) {
    List<Robot> active = robots.findByPlatformAndActiveTrueOrderByIdAsc(platform);
    return active.stream()
        .filter(r -> departmentId != null && departmentId.equals(r.getDepartmentId()))
        .findFirst()
        .or(() -> active.stream().filter(Robot::isHospitalWide).findFirst());
  }
}
