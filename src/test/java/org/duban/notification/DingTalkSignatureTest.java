package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DingTalkSignatureTest {

  @Test
  void signsTimestampNewlineSecretWithHmacSha256ThenBase64ThenUrlEncodes() throws Exception {
    long timestamp = 1_700_000_000_000L;
    String secret = "SECabc123";
    String sign = DingTalkSignature.sign(timestamp, secret);

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
    assertThat(Base64.getDecoder().decode(URLDecoder.decode(sign, StandardCharsets.UTF_8))).isEqualTo(expected);
    // Base64's + / = are escaped for the query string
    assertThat(sign).doesNotContain("+", "/", "=");
  }

  @Test
  void addsTimestampAndSignToTheWebhookQuery() {
    String url = DingTalkSignature.signedUrl("https://oapi.dingtalk.com/robot/send?access_token=t", 42L, "s");
    assertThat(url).startsWith("https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=42&sign=");
  }
}
