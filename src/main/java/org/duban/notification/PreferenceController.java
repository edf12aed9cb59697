package org.duban.notification;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.duban.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /me/notifications}: each person chooses channels, e-mail address and quiet hours. */
@Controller
class PreferenceController {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final Preferences preferences;
  private final EmailChannel email;

  PreferenceController(Preferences preferences, EmailChannel email) {
    this.preferences = preferences;
    this.email = email;
  }

  @GetMapping("/me/notifications")
  String show(@AuthenticationPrincipal CurrentUser me, Model model) {
    model.addAttribute("preferenceForm", PreferenceForm.of(preferences.of(me.getUsername())));
    return page(model);
  }

  @PostMapping("/me/notifications")
  String save(
      @AuthenticationPrincipal CurrentUser me,
      @ModelAttribute PreferenceForm preferenceForm,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    String address = preferenceForm.getEmail() == null ? "" : preferenceForm.getEmail().trim();
    if (!address.isEmpty() && (address.length() > 200 || !EMAIL.matcher(address).matches())) {
      errors.rejectValue("email", "notification.preferences.email.invalid");
    }
    if (preferenceForm.isByEmail() && address.isEmpty()) {
      errors.rejectValue("email", "notification.preferences.email.needed");
    }
    LocalTime start = time(preferenceForm.getQuietStart(), "quietStart", errors);
    LocalTime end = time(preferenceForm.getQuietEnd(), "quietEnd", errors);
    if (errors.hasErrors()) {
      return page(model);
    }
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    if (preferenceForm.isByEmail()) {
      channels.add(Channel.EMAIL);
    }
    if (preferenceForm.isByWecom()) {
      channels.add(Channel.WECOM);
    }
    if (preferenceForm.isByDingtalk()) {
      channels.add(Channel.DINGTALK);
    }
    preferences.choose(me.getUsername(), channels, address, new QuietHours(start, end));
    redirect.addFlashAttribute("notice", "notification.preferences.saved");
    return "redirect:/me/notifications";
  }

  private String page(Model model) {
    model.addAttribute("mailAvailable", email.available());
    return "notification/preferences";
  }

  private static LocalTime time(String text, String field, BindingResult errors) {
    try {
      return LocalTime.parse(text == null ? "" : text.trim());
    } catch (DateTimeParseException e) {
      errors.rejectValue(field, "notification.preferences.time.invalid");
      return null;
    }
  }
}
