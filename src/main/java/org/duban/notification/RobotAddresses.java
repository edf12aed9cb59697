package org.duban.notification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where group robots may post. A webhook address is typed by an admin and then fetched by the
 * server, so an address of this machine or of the hospital's internal network would make Duban a
 * messenger into places no browser reaches (its own Actuator, a database's HTTP port, a router's
 * admin page). So a robot posts only to the allowed hosts ({@code duban.notification.robot-hosts}:
 * WeCom's and DingTalk's by default), over https, and never to a loopback, private, link-local,
 * unspecified or multicast address, whether typed as such or what the host name resolves to.
 * Checked when a robot is saved and again before each post (a name can resolve elsewhere later).
 *
 * <p>{@code duban.notification.robot-allow-local=true} is for the demo and tests, whose receivers
 * run on this machine: it allows http, the hosts 127.0.0.1, ::1 and localhost, and allowed hosts
 * that resolve to private addresses.
 */
@Component
public class RobotAddresses {

  private static final Set<String> LOOPBACK_NAMES =
      Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  /** Why an address is refused; each has its message in the notification bundles. */
  public enum Refusal {
    MALFORMED("notification.robots.url.invalid"),
    NOT_HTTPS("notification.robots.url.https"),
    HOST_NOT_ALLOWED("notification.robots.url.host"),
    LOCAL_ADDRESS("notification.robots.url.local");

    private final String messageKey;

    Refusal(String messageKey) {
      this.messageKey = messageKey;
    }

    public String messageKey() {
      return messageKey;
    }
  }

  /** How names are resolved; a seam for tests of names that resolve to internal addresses. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Set<String> hosts;
  private final boolean allowLocal;
  private final Resolver resolver;

  @Autowired
  RobotAddresses(
      @Value("${duban.notification.robot-hosts:qyapi.weixin.qq.com,oapi.dingtalk.com}")
          List<String> hosts,
      @Value("${duban.notification.robot-allow-local:false}") boolean allowLocal) {
    this(hosts, allowLocal, InetAddress::getAllByName);
  }

  RobotAddresses(List<String> hosts, boolean allowLocal, Resolver resolver) {
    this.hosts =
        hosts.stream()
            .map(String::strip)
            .filter(h -> !h.isEmpty())
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    this.allowLocal = allowLocal;
    this.resolver = resolver;
  }

  /** The allowed hosts, for the message that names them. */
  public String allowedHosts() {
    return hosts.stream().sorted().collect(Collectors.joining(", "));
  }

  /**
   * Checks an address when it is saved. A name that cannot be resolved now is let through (the
   * server may not see the internet's names yet); the check before each post refuses it then.
   */
  public Optional<Refusal> checkOnSave(String url) {
    return check(url, false);
  }

  /** Checks an address right before a post; a name that does not resolve is refused too. */
  Optional<Refusal> checkOnSend(String url) {
    return check(url, true);
  }

  private Optional<Refusal> check(String url, boolean mustResolve) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.of(Refusal.MALFORMED);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      return Optional.of(Refusal.MALFORMED);
    }
    if (uri.getRawUserInfo() != null) {
      // https://qyapi.weixin.qq.com@evil.example/ reads like WeCom to a person and goes elsewhere
      return Optional.of(Refusal.HOST_NOT_ALLOWED);
    }
    if (!scheme.equals("https") && !allowLocal) {
      return Optional.of(Refusal.NOT_HTTPS);
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    boolean localReceiver = allowLocal && LOOPBACK_NAMES.contains(host);
    if (!localReceiver && !hosts.contains(host)) {
      return Optional.of(Refusal.HOST_NOT_ALLOWED);
    }
    if (allowLocal) {
      return Optional.empty();
    }
    InetAddress[] addresses;
    try {
      addresses =
          resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      return mustResolve ? Optional.of(Refusal.HOST_NOT_ALLOWED) : Optional.empty();
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        return Optional.of(Refusal.LOCAL_ADDRESS);
      }
    }
    return Optional.empty();
  }

  /**
   * This machine, the private networks, link-local, unspecified and multicast, in IPv4 and IPv6.
   */
  static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      return first == 0 // "this network"
          || first == 100 && second >= 64 && second < 128 // carrier-grade NAT, 100.64.0.0/10
          || first == 198 && (second == 18 || second == 19) // benchmarking, 198.18.0.0/15
          || first >= 240; // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      // unique local fc00::/7 (the IPv6 private networks; Java's isSiteLocalAddress knows only
      // fec0::/10)
      if ((bytes[0] & 0xfe) == 0xfc) {
        return true;
      }
      // an IPv4 address inside IPv6 (::ffff:a.b.c.d mapped, ::a.b.c.d compatible, 64:ff9b::/96
      // NAT64)
      boolean zeroPrefix = true;
      for (int i = 0; i < 10; i++) {
        zeroPrefix &= bytes[i] == 0;
      }
      boolean mapped =
          zeroPrefix
              && (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff
                  || bytes[10] == 0 && bytes[11] == 0);
      boolean nat64 =
          (bytes[0] & 0xff) == 0x00
              && (bytes[1] & 0xff) == 0x64
              && (bytes[2] & 0xff) == 0xff
              && (bytes[3] & 0xff) == 0x9b;
      if (mapped || nat64) {
        try {
          return isInternal(
              InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }
}
