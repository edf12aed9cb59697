package org.duban.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.duban.infrastructure.EngineClock;
import org.duban.infrastructure.UserError;
import org.duban.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/calendar: the admin keeps the holidays and worked weekend days of each year (admins only,
 * by SecurityConfig's rule for /admin/**).
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  private final CalendarAdmin admin;
  private final WorkCalendar calendar;

  CalendarAdminController(CalendarAdmin admin, WorkCalendar calendar) {
    this.admin = admin;
    this.calendar = calendar;
  }

  @GetMapping
  String page(@RequestParam(required = false) Integer year, Model model) {
    int shown =
        year == null || year < FIRST_YEAR || year > LAST_YEAR
            ? EngineClock.today().getYear()
            : year;
    return show(shown, model);
  }

  @PostMapping("/day")
  String saveDay(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam int year,
      @RequestParam(defaultValue = "") String date,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String source,
      @RequestParam(defaultValue = "false") boolean provisional,
      Model model,
      RedirectAttributes redirect) {
    LocalDate day = parseDate(date);
    DayKind dayKind = YearArrangement.kind(kind);
    List<UserError> problems = new ArrayList<>();
    if (day == null) {
      problems.add(new UserError("calendar.day.dateMissing"));
    }
    if (dayKind == null) {
      problems.add(new UserError("calendar.day.kindMissing"));
    }
    try {
      if (problems.isEmpty()) {
        admin.saveDay(new SpecialDay(day, dayKind, name, source, provisional), user.getUsername());
        redirect.addFlashAttribute("notice", "calendar.day.saved");
        return "redirect:/admin/calendar?year=" + day.getYear();
      }
    } catch (UserError e) {
      problems.addAll(e.problems());
    }
    model.addAttribute("dayProblems", problems);
    model.addAttribute("dayForm", new DayForm(date, kind, name, source, provisional));
    return show(year, model);
  }

  @PostMapping("/day/delete")
  String removeDay(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam String date,
      RedirectAttributes redirect) {
    LocalDate day = parseDate(date);
    if (day == null || !admin.removeDay(day, user.getUsername())) {
      redirect.addFlashAttribute("warning", "calendar.day.notFound");
      return "redirect:/admin/calendar" + (day == null ? "" : "?year=" + day.getYear());
    }
    redirect.addFlashAttribute("notice", "calendar.day.removed");
    return "redirect:/admin/calendar?year=" + day.getYear();
  }

  @PostMapping("/year")
  String replaceYear(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam int year,
      @RequestParam(defaultValue = "") String lines,
      @RequestParam(defaultValue = "") String source,
      @RequestParam(defaultValue = "false") boolean provisional,
      Model model,
      RedirectAttributes redirect) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      model.addAttribute(
          "yearProblems",
          List.of(
              new UserError(
                  "calendar.year.outOfRange",
                  String.valueOf(FIRST_YEAR),
                  String.valueOf(LAST_YEAR))));
      return show(EngineClock.today().getYear(), model);
    }
    try {
      int count = admin.replaceYear(year, lines, source, provisional, user.getUsername());
      redirect.addFlashAttribute("notice", "calendar.year.replaced");
      return "redirect:/admin/calendar?year=" + year;
    } catch (UserError e) {
      model.addAttribute("yearProblems", e.problems());
      model.addAttribute("pastedLines", lines);
      model.addAttribute("pastedSource", source);
      model.addAttribute("pastedProvisional", provisional);
      return show(year, model);
    }
  }

  private String show(int year, Model model) {
    List<CalendarDay> days = admin.year(year);
    model.addAttribute("year", year);
    // as text: a message argument that is a number would be printed as 2,026
    model.addAttribute("yearLabel", String.valueOf(year));
    model.addAttribute("days", days);
    model.addAttribute("anyProvisional", admin.anyProvisional(year));
    model.addAttribute(
        "workingDayCount",
        calendar.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)));
    TreeSet<Integer> years = new TreeSet<>();
    int thisYear = EngineClock.today().getYear();
    for (int y = Math.min(year, thisYear) - 1; y <= Math.max(year, thisYear) + 2; y++) {
      years.add(y);
    }
    model.addAttribute("years", years);
    if (!model.containsAttribute("dayForm")) {
      model.addAttribute("dayForm", new DayForm("", "HOLIDAY", "", "", false));
    }
    return "calendar/admin";
  }

  private static LocalDate parseDate(String text) {
    try {
      return text.isBlank() ? null : LocalDate.parse(text.strip());
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** What the admin typed in the day form, shown again after a refusal. */
  record DayForm(String date, String kind, String name, String source, boolean provisional) {}
}
