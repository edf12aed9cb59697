package org.duban.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Turns a message's path in Duban into the full address that an e-mail or a chat needs. */
@Component
public class Links {

  private final String baseUrl;

  Links(@Value("${duban.base-url:http://localhost:8080}") String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The full address of a path; a message without a link points at the inbox. */
  public String absolute(String path) {
    if (path == null || path.isBlank()) {
      return baseUrl + "/inbox";
    }
    return baseUrl + (path.startsWith("/") ? path : "/" + path);
  }

  /**
   * Whether a message's link stays inside Duban (a path, not another site), so opening it is safe.
   */
  static boolean isLocalPath(String path) {
    return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\");
  }
}
