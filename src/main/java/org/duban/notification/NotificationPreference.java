package org.duban.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/** A person's choice of channels, e-mail address and quiet hours. The inbox is always on. */
@Entity
public class NotificationPreference {

  @Id private String username;

  private String email;
  private boolean byEmail = true;
  private boolean byWecom = true;
  private boolean byDingtalk = true;
  private LocalTime quietStart = QuietHours.DEFAULT.start();
  private LocalTime quietEnd = QuietHours.DEFAULT.end();

  protected NotificationPreference() {}

  /** The defaults for someone who never chose: every channel that can reach them, quiet 22–07. */
  public NotificationPreference(String username) {
    this.username = username;
  }

  public void choose(Set<Channel> channels, String email, QuietHours quietHours) {
    this.byEmail = channels.contains(Channel.EMAIL);
    this.byWecom = channels.contains(Channel.WECOM);
    this.byDingtalk = channels.contains(Channel.DINGTALK);
    this.email = email == null || email.isBlank() ? null : email.trim();
    this.quietStart = quietHours.start();
    this.quietEnd = quietHours.end();
  }

  /** Sets the address only (the demo and admins' imports). */
  public void useEmail(String email) {
    this.email = email;
  }

  public Set<Channel> channels() {
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    if (byEmail) {
      channels.add(Channel.EMAIL);
    }
    if (byWecom) {
      channels.add(Channel.WECOM);
    }
    if (byDingtalk) {
      channels.add(Channel.DINGTALK);
    }
    return channels;
  }

  public boolean wants(Channel channel) {
    return channels().contains(channel);
  }

  public QuietHours quietHours() {
    return new QuietHours(quietStart, quietEnd);
  }

  public String getUsername() {
    return username;
  }

  public String getEmail() {
    return email;
  }
}
