package org.duban.notification;

/** The fields of {@code /me/notifications} as typed; checked by {@link PreferenceController}. */
public class PreferenceForm {

  private String email;
  private boolean byEmail;
  private boolean byWecom;
  private boolean byDingtalk;
  private String quietStart;
  private String quietEnd;

  static PreferenceForm of(NotificationPreference preference) {
    PreferenceForm form = new PreferenceForm();
    form.email = preference.getEmail();
    form.byEmail = preference.wants(Channel.EMAIL);
    form.byWecom = preference.wants(Channel.WECOM);
    form.byDingtalk = preference.wants(Channel.DINGTALK);
    form.quietStart = preference.quietHours().start().toString();
    form.quietEnd = preference.quietHours().end().toString();
    return form;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isByEmail() {
    return byEmail;
  }

  public void setByEmail(boolean byEmail) {
    this.byEmail = byEmail;
  }

  public boolean isByWecom() {
    return byWecom;
  }

  public void setByWecom(boolean byWecom) {
    this.byWecom = byWecom;
  }

  public boolean isByDingtalk() {
    return byDingtalk;
  }

  public void setByDingtalk(boolean byDingtalk) {
    this.byDingtalk = byDingtalk;
  }

  public String getQuietStart() {
    return quietStart;
  }

  public void setQuietStart(String quietStart) {
    this.quietStart = quietStart;
  }

  public String getQuietEnd() {
    return quietEnd;
  }

  public void setQuietEnd(String quietEnd) {
    this.quietEnd = quietEnd;
  }
}
