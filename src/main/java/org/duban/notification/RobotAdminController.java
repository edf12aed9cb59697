package org.duban.notification;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/robots}: the WeCom and DingTalk group robots per department and hospital-wide, and
 * {@code /admin/notifications}: deliveries that were given up, to try again. Admins only (the
 * security configuration guards {@code /admin/**}).
 */
@Controller
class RobotAdminController {

  private final Robots robots;
  private final OutboxStore store;

  private final DeliveryRetries retries;

  RobotAdminController(Robots robots, OutboxStore store, DeliveryRetries retries) {
    this.retries = retries;
    this.robots = robots;
    this.store = store;
  }

  @GetMapping("/admin/robots")
  String list(Model model) {
    model.addAttribute("robotForm", new RobotForm());
    return page(model);
  }

  @PostMapping("/admin/robots")
  String add(
      @ModelAttribute RobotForm robotForm,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    robots.add(robotForm, errors);
    if (errors.hasErrors()) {
      return page(model);
    }
    redirect.addFlashAttribute("notice", "notification.robots.added");
    return "redirect:/admin/robots";
  }

  @PostMapping("/admin/robots/{id}")
  String change(
      @PathVariable Long id,
      @ModelAttribute RobotForm change,
      Model model,
      RedirectAttributes redirect) {
    BindingResult errors = new BeanPropertyBindingResult(change, "change");
    robots.change(id, change, errors);
    if (errors.hasErrors()) {
      model.addAttribute("robotForm", new RobotForm());
      model.addAttribute("changeErrors", errors.getAllErrors());
      model.addAttribute("changedId", id);
      return page(model);
    }
    redirect.addFlashAttribute("notice", "notification.robots.changed");
    return "redirect:/admin/robots";
  }

  @PostMapping("/admin/robots/{id}/delete")
  String remove(@PathVariable Long id, RedirectAttributes redirect) {
    robots.remove(id);
    redirect.addFlashAttribute("notice", "notification.robots.removed");
    return "redirect:/admin/robots";
  }

  @GetMapping("/admin/notifications")
  String deliveries(@RequestParam(defaultValue = "FAILED") String status, Model model) {
    Delivery.Status chosen =
        List.of(Delivery.Status.values()).stream()
            .filter(s -> s.name().equals(status))
            .findFirst()
            .orElse(null);
    model.addAttribute("status", chosen);
    model.addAttribute("statuses", Delivery.Status.values());
    model.addAttribute("deliveries", store.recent(chosen, 200));
    model.addAttribute("robotNames", robotNames());
    return "notification/deliveries";
  }

  @PostMapping("/admin/notifications/{id}/retry")
  String retry(@PathVariable Long id, RedirectAttributes redirect) {
    boolean again = retries.retry(id);
    redirect.addFlashAttribute(
        again ? "notice" : "warning",
        again ? "notification.deliveries.retrying" : "notification.deliveries.notFailed");
    return "redirect:/admin/notifications";
  }

  private java.util.Map<String, String> robotNames() {
    return robots.names();
  }

  private String page(Model model) {
    model.addAttribute("robots", robots.all());
    model.addAttribute("departments", robots.departmentNames());
    model.addAttribute("allowedHosts", robots.allowedHosts());
    model.addAttribute("failed", store.recent(Delivery.Status.FAILED, 20));
    return "notification/robots";
  }
}
