package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.duban.notification.RobotAddresses.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where robots may post: the allowed hosts over https, never this machine or an internal network.
 */
class RobotAddressesTest {

  private static final List<String> DEFAULT_HOSTS =
      List.of("qyapi.weixin.qq.com", "oapi.dingtalk.com");

  /**
   * Resolves names as a test's DNS would: WeCom's to a public address, "intranet.example" to a
   * private one.
   */
  private static InetAddress[] resolve(String host) throws UnknownHostException {
    return switch (host) {
      case "qyapi.weixin.qq.com", "oapi.dingtalk.com" ->
          new InetAddress[] {InetAddress.getByName("101.226.129.166")};
      case "intranet.example" ->
          new InetAddress[] {
            InetAddress.getByName("203.0.113.9"), InetAddress.getByName("10.1.2.3")
          };
      case "metadata.example" -> new InetAddress[] {InetAddress.getByName("169.254.169.254")};
      default -> InetAddress.getAllByName(host);
    };
  }

  private static RobotAddresses production(List<String> hosts) {
    return new RobotAddresses(hosts, false, RobotAddressesTest::resolve);
  }

  @Test
  void weComAndDingTalkOverHttpsAreAllowedByDefault() {
    RobotAddresses addresses = production(DEFAULT_HOSTS);
    assertThat(addresses.checkOnSave("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"))
        .isEmpty();
    assertThat(addresses.checkOnSend("https://oapi.dingtalk.com/robot/send?access_token=abc"))
        .isEmpty();
    assertThat(addresses.checkOnSend("https://QYAPI.weixin.qq.com./cgi-bin/webhook/send?key=abc"))
        .isEmpty();
  }

  @Test
  void otherHostsPlainHttpAndHostsHiddenBehindAUserNameAreRefused() {
    RobotAddresses addresses = production(DEFAULT_HOSTS);
    assertThat(addresses.checkOnSave("https://evil.example/hook"))
        .contains(Refusal.HOST_NOT_ALLOWED);
    assertThat(addresses.checkOnSave("https://qyapi.weixin.qq.com.evil.example/hook"))
        .contains(Refusal.HOST_NOT_ALLOWED);
    assertThat(addresses.checkOnSave("https://qyapi.weixin.qq.com@127.0.0.1/cgi-bin/webhook/send"))
        .contains(Refusal.HOST_NOT_ALLOWED);
    assertThat(addresses.checkOnSave("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"))
        .contains(Refusal.NOT_HTTPS);
    assertThat(addresses.checkOnSave("ftp://qyapi.weixin.qq.com/x")).contains(Refusal.MALFORMED);
    assertThat(addresses.checkOnSave("https:///nohost")).contains(Refusal.MALFORMED);
    assertThat(addresses.checkOnSave("not an address")).contains(Refusal.MALFORMED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.1.2.3",
        "0.0.0.0",
        "10.0.0.5",
        "172.16.3.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "[::1]",
        "[::]",
        "[fe80::1]",
        "[fd00::1]",
        "[fc12:3456::1]",
        "[ff02::1]",
        "[::ffff:127.0.0.1]",
        "[::ffff:10.0.0.1]",
        "[64:ff9b::a00:1]"
      })
  void addressesOfThisMachineAndInternalNetworksAreRefusedEvenWhenListed(String host) {
    // even an admin who put the address on the list does not open it: the list names hosts, not
    // networks
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    RobotAddresses addresses = production(List.of(bare, host));
    assertThat(addresses.checkOnSave("https://" + host + "/hook"))
        .as(host)
        .contains(Refusal.LOCAL_ADDRESS);
    assertThat(addresses.checkOnSend("https://" + host + "/hook"))
        .as(host)
        .contains(Refusal.LOCAL_ADDRESS);
  }

  @Test
  void anAllowedNameThatResolvesToAnInternalAddressIsRefused() {
    RobotAddresses addresses = production(List.of("intranet.example", "metadata.example"));
    assertThat(addresses.checkOnSave("https://intranet.example/hook"))
        .contains(Refusal.LOCAL_ADDRESS);
    assertThat(addresses.checkOnSend("https://metadata.example/latest/meta-data"))
        .contains(Refusal.LOCAL_ADDRESS);
  }

  @Test
  void aNameThatDoesNotResolveIsKeptOnSaveButNotPostedTo() {
    RobotAddresses addresses =
        new RobotAddresses(
            DEFAULT_HOSTS,
            false,
            host -> {
              throw new UnknownHostException(host);
            });
    assertThat(addresses.checkOnSave("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"))
        .isEmpty();
    assertThat(addresses.checkOnSend("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"))
        .contains(Refusal.HOST_NOT_ALLOWED);
  }

  @Test
  void allowingLocalReceiversOpensThisMachineOverHttpAndNothingElse() {
    RobotAddresses addresses = new RobotAddresses(DEFAULT_HOSTS, true, RobotAddressesTest::resolve);
    assertThat(addresses.checkOnSave("http://127.0.0.1:8080/demo/webhooks/wecom?key=demo"))
        .isEmpty();
    assertThat(addresses.checkOnSend("http://localhost:8080/demo/webhooks/dingtalk")).isEmpty();
    assertThat(addresses.checkOnSend("http://[::1]:8080/hook")).isEmpty();
    assertThat(addresses.checkOnSave("https://evil.example/hook"))
        .contains(Refusal.HOST_NOT_ALLOWED);
    assertThat(addresses.checkOnSave("http://10.0.0.5/hook")).contains(Refusal.HOST_NOT_ALLOWED);
  }

  @Test
  void theWebhookPostsNothingToARefusedAddressAndSaysWhy() throws Exception {
    AtomicInteger received = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.incrementAndGet();
          byte[] body = "{\"errcode\":0}".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url =
          "http://127.0.0.1:"
              + server.getAddress().getPort()
              + "/cgi-bin/webhook/send?key=secret-key";
      RobotWebhook production = new RobotWebhook(new ObjectMapper(), production(DEFAULT_HOSTS));
      assertThatThrownBy(() -> production.post(url, Map.of("msgtype", "markdown")))
          .isInstanceOf(DeliveryFailed.class)
          .hasMessageContaining("refused, not sent")
          .hasMessageNotContaining("secret-key");
      assertThat(received).hasValue(0);

      // the same post with local receivers allowed (the demo, tests) goes out
      RobotWebhook local =
          new RobotWebhook(
              new ObjectMapper(),
              new RobotAddresses(DEFAULT_HOSTS, true, RobotAddressesTest::resolve));
      local.post(url, Map.of("msgtype", "markdown"));
      assertThat(received).hasValue(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void theDefaultHostsNameThemselvesInTheMessage() {
    assertThat(production(DEFAULT_HOSTS).allowedHosts())
        .isEqualTo("oapi.dingtalk.com, qyapi.weixin.qq.com");
    assertThat(Optional.of(Refusal.HOST_NOT_ALLOWED).map(Refusal::messageKey))
        .contains("notification.robots.url.host");
  }
}
