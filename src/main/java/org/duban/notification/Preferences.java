package org.duban.notification;

import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and saves each person's notification choices. */
@Service
public class Preferences {

  private final NotificationPreferenceRepository preferences;

  Preferences(NotificationPreferenceRepository preferences) {
    this.preferences = preferences;
  }

  @Transactional(readOnly = true)
  public NotificationPreference of(String username) {
    return preferences.findById(username).orElseGet(() -> new NotificationPreference(username));
  }

  @Transactional
  public void choose(String username, Set<Channel> channels, String email, QuietHours quietHours) {
    NotificationPreference preference =
        preferences
            .findById(username)
            .orElseGet(() -> preferences.save(new NotificationPreference(username)));
    preference.choose(channels, email, quietHours);
  }

  /** Gives a person an e-mail address, keeping their other choices (the demo's seeding). */
  @Transactional
  public void useEmail(String username, String email) {
    preferences
        .findById(username)
        .orElseGet(() -> preferences.save(new NotificationPreference(username)))
        .useEmail(email);
  }
}
