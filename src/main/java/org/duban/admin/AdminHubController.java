package org.duban.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * One page that leads to everything an admin runs (models, people, calendar, audit, engine), so
 * that the top bar stays short for the people who do the hospital's work.
 */
@Controller
class AdminHubController {

  @GetMapping("/admin")
  String hub() {
    return "admin/index";
  }
}
