package org.duban.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk's robot signing (加签): {@code sign = urlencode(base64(HmacSHA256(secret, timestamp + "\n"
 * + secret)))}, sent with the millisecond {@code timestamp} as query parameters of the webhook.
 */
final class DingTalkSignature {

  private DingTalkSignature() {}

  static String sign(long timestampMillis, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The webhook address with {@code timestamp} and {@code sign} added. */
  static String signedUrl(String webhookUrl, long timestampMillis, String secret) {
    String separator = webhookUrl.contains("?") ? "&" : "?";
    return webhookUrl
        + separator
        + "timestamp="
        + timestampMillis
        + "&sign="
        + sign(timestampMillis, secret);
  }
}
