package org.duban.web;

import org.duban.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person on every page, for the navigation. */
@ControllerAdvice
class CurrentUserAdvice {

  @ModelAttribute("me")
  CurrentUser me(@AuthenticationPrincipal CurrentUser user) {
    return user;
  }
}
