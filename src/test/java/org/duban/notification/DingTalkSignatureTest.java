package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DingTalk's robot signature (加签): HmacSHA256 over "timestamp\nsecret" keyed with the secret,
 * Base64, then URL-encoded. The expected values are known answers computed outside Java, once:
 * {@code printf '1700000000000\nSECabc123' | openssl dgst -sha256 -hmac SECabc123 -binary | base64}
 * gives N5P09a4+p1AMJIJWnIvQd2Yxw9+fu/oEBnPrjCcsLXk= (and Python's quote_plus the encoded form).
 */
class DingTalkSignatureTest {

  @Test
  void signsTimestampNewlineSecretWithHmacSha256ThenBase64ThenUrlEncodes() {
    assertThat(DingTalkSignature.sign(1_700_000_000_000L, "SECabc123"))
        .isEqualTo("N5P09a4%2Bp1AMJIJWnIvQd2Yxw9%2Bfu%2FoEBnPrjCcsLXk%3D");
  }

  @Test
  void addsTimestampAndSignToTheWebhookQuery() {
    String url =
        DingTalkSignature.signedUrl(
            "https://oapi.dingtalk.com/robot/send?access_token=t", 42L, "s");
    assertThat(url)
        .isEqualTo(
            "https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=42"
                + "&sign=Bq4J0wpM43fJ0wA1uKFXbW%2F05tnGeOyLvVqJXBiKC0M%3D");
  }
}
