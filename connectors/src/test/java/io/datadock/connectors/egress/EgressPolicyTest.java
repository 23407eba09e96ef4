package io.datadock.connectors.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.connectors.egress.EgressPolicy.Mode;
import io.datadock.runtime.config.Settings;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decisions on addresses built from bytes: no DNS, no connection. */
class EgressPolicyTest {

  private final PlatformEndpoints platform = new PlatformEndpoints();

  @Test
  void cloudMetadataAndLinkLocalAreDeniedInEveryModeWhateverTheLists() {
    for (Mode mode : Mode.values()) {
      EgressPolicy policy =
          policy(mode, List.of("0.0.0.0/0", "::/0", "169.254.0.0/16", "fe80::/10"), List.of());

      assertThat(policy.decide(v4(169, 254, 169, 254), 80))
          .isEqualTo(denied("169.254.169.254 is in 169.254.0.0/16"));
      assertThat(policy.decide(v6("fd00:ec2::254"), 80))
          .isEqualTo(denied("fd00:ec2::254 is in fd00:ec2::254/128"));
      assertThat(policy.decide(v6("fe80::1"), 443)).isEqualTo(denied("fe80::1 is in fe80::/10"));
      assertThat(policy.decide(v4(0, 0, 0, 0), 5432)).isEqualTo(denied("0.0.0.0 is in 0.0.0.0/8"));
      assertThat(policy.decide(v6("::"), 5432)).isEqualTo(denied(":: is in ::/128"));
      assertThat(policy.decide(v4(224, 0, 0, 1), 5432).allowed()).isFalse();
    }
  }

  @Test
  void anIpv6AddressCarryingAnIpv4AddressIsDecidedAsThatAddress() throws Exception {
    EgressPolicy policy = policy(Mode.LOCAL, List.of(), List.of());
    byte[] mapped = {
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 169,
      (byte) 254,
      (byte) 169,
      (byte) 254
    };

    // InetAddress.getByAddress turns a mapped address into IPv4; Inet6Address keeps it IPv6
    assertThat(policy.decide(InetAddress.getByAddress(mapped), 80))
        .isEqualTo(denied("169.254.169.254 is in 169.254.0.0/16"));
    assertThat(policy.decide(Inet6Address.getByAddress(null, mapped, -1), 80))
        .isEqualTo(denied("169.254.169.254 is in 169.254.0.0/16"));
    assertThat(policy.decide(v6("::169.254.169.254"), 80).allowed()).isFalse();
    assertThat(policy.decide(v6("64:ff9b::a9fe:a9fe"), 80))
        .isEqualTo(denied("169.254.169.254 is in 169.254.0.0/16"));
    assertThat(
            policy(Mode.LOCAL, List.of(), List.of("10.0.0.0/8")).decide(v6("::ffff:10.1.2.3"), 1))
        .isEqualTo(denied("10.1.2.3 is in 10.0.0.0/8"));
  }

  @Test
  void loopbackAndPrivateRangesAreDeniedStandaloneAndAllowedLocally() {
    EgressPolicy standalone = policy(Mode.STANDALONE, List.of(), List.of());
    EgressPolicy local = policy(Mode.LOCAL, List.of(), List.of());

    assertThat(standalone.decide(v4(10, 1, 2, 3), 5432))
        .isEqualTo(denied("10.1.2.3 is in 10.0.0.0/8"));
    assertThat(standalone.decide(v4(127, 0, 0, 1), 5432))
        .isEqualTo(denied("127.0.0.1 is in 127.0.0.0/8"));
    assertThat(standalone.decide(v6("::1"), 5432)).isEqualTo(denied("::1 is in ::1/128"));
    assertThat(standalone.decide(v4(172, 20, 0, 1), 5432).allowed()).isFalse();
    assertThat(standalone.decide(v4(192, 168, 1, 1), 5432).allowed()).isFalse();
    assertThat(standalone.decide(v4(100, 64, 0, 1), 5432).allowed()).isFalse();
    assertThat(standalone.decide(v6("fd12::1"), 5432).allowed()).isFalse();
    assertThat(standalone.decide(v4(203, 0, 113, 7), 5432).allowed()).isTrue();

    assertThat(local.decide(v4(10, 1, 2, 3), 5432).allowed()).isTrue();
    assertThat(local.decide(v4(127, 0, 0, 1), 5432).allowed()).isTrue();
    assertThat(local.decide(v6("::1"), 5432).allowed()).isTrue();
  }

  @Test
  void theAllowListOpensAPrivateRangeStandalone() {
    EgressPolicy policy = policy(Mode.STANDALONE, List.of("10.1.0.0/16"), List.of());

    assertThat(policy.decide(v4(10, 1, 2, 3), 5432).allowed()).isTrue();
    assertThat(policy.decide(v4(10, 2, 0, 1), 5432)).isEqualTo(denied("10.2.0.1 is in 10.0.0.0/8"));
  }

  @Test
  void theDenyListClosesAnAddressLocally() {
    EgressPolicy policy = policy(Mode.LOCAL, List.of(), List.of("127.0.0.2/32"));

    assertThat(policy.decide(v4(127, 0, 0, 2), 5432))
        .isEqualTo(denied("127.0.0.2 is in 127.0.0.2/32"));
    assertThat(policy.decide(v4(127, 0, 0, 1), 5432).allowed()).isTrue();
  }

  @Test
  void theMostSpecificListedRangeWinsAndATieDenies() {
    assertThat(
            policy(Mode.LOCAL, List.of("10.1.2.0/24"), List.of("10.0.0.0/8"))
                .decide(v4(10, 1, 2, 3), 1)
                .allowed())
        .isTrue();
    assertThat(
            policy(Mode.LOCAL, List.of("10.0.0.0/8"), List.of("10.1.2.0/24"))
                .decide(v4(10, 1, 2, 3), 1))
        .isEqualTo(denied("10.1.2.3 is in 10.1.2.0/24"));
    assertThat(
            policy(Mode.STANDALONE, List.of("10.1.2.3"), List.of("10.1.2.3/32"))
                .decide(v4(10, 1, 2, 3), 1))
        .isEqualTo(denied("10.1.2.3 is in 10.1.2.3/32"));
    // a listed range decides before the defaults, however wide it is
    assertThat(policy(Mode.LOCAL, List.of(), List.of("0.0.0.0/0")).decide(v4(127, 0, 0, 1), 1))
        .isEqualTo(denied("127.0.0.1 is in 0.0.0.0/0"));
  }

  @Test
  void thePlatformsOwnListenersAreDeniedOnEveryLocalAddressWhateverTheLists() {
    EgressPolicy policy = policy(Mode.LOCAL, List.of("127.0.0.0/8"), List.of());
    platform.addLocal("kafka", 9092).addUrl("secret-service resolution", "http://127.0.0.1:8081");

    assertThat(policy.decide(v4(127, 0, 0, 1), 9092))
        .isEqualTo(denied("127.0.0.1:9092 is the platform's own listener (kafka)"));
    assertThat(policy.decide(v4(127, 0, 0, 5), 8081))
        .isEqualTo(
            denied("127.0.0.5:8081 is the platform's own listener (secret-service resolution)"));
    assertThat(policy.decide(v6("::1"), 9092))
        .isEqualTo(denied("[::1]:9092 is the platform's own listener (kafka)"));
    assertThat(policy.decide(v4(127, 0, 0, 1), 9093).allowed()).isTrue();
    // a remote address on that port is not this machine
    assertThat(policy.decide(v4(203, 0, 113, 7), 9092).allowed()).isTrue();

    // listeners that start later count from then on
    platform.addLocal("gateway", 8080);
    assertThat(policy.decide(v4(127, 0, 0, 1), 8080))
        .isEqualTo(denied("127.0.0.1:8080 is the platform's own listener (gateway)"));
  }

  @Test
  void aRemotePlatformListenerIsDeniedAtItsAddress() {
    EgressPolicy policy = policy(Mode.STANDALONE, List.of("10.0.0.0/8"), List.of());
    platform.addHostPorts("kafka", "10.0.0.5:9092,10.0.0.6:9092");

    assertThat(policy.decide(v4(10, 0, 0, 6), 9092))
        .isEqualTo(denied("10.0.0.6:9092 is the platform's own listener (kafka)"));
    assertThat(policy.decide(v4(10, 0, 0, 7), 9092).allowed()).isTrue();
  }

  @Test
  void oneDeniedAddressDeniesTheWholeName() {
    EgressGate gate =
        new EgressGate(
            policy(Mode.STANDALONE, List.of(), List.of()),
            host -> new InetAddress[] {v4(203, 0, 113, 7), v4(169, 254, 169, 254)});

    EgressGate.Checked checked = gate.check("db.example", 5432);

    assertThat(checked.allowed()).isFalse();
    assertThat(checked.denied()).isEqualTo("egress denied: 169.254.169.254 is in 169.254.0.0/16");
    assertThat(checked.addresses()).isEmpty();
  }

  @Test
  void aNameThatDoesNotResolveIsUnknownNotDenied() {
    EgressGate gate =
        new EgressGate(
            policy(Mode.STANDALONE, List.of(), List.of()),
            host -> {
              throw new UnknownHostException(host);
            });

    assertThat(gate.check("nowhere.invalid", 5432).unknownHost()).isTrue();
  }

  @Test
  void rangesParseWithoutLookupsAndNameTheirProblem() {
    assertThat(Cidr.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
    assertThat(Cidr.parse("127.0.0.2")).hasToString("127.0.0.2/32");
    assertThat(Cidr.parse("FD00:EC2:0:0:0:0:0:254")).hasToString("fd00:ec2::254/128");
    assertThat(Cidr.parse("::ffff:169.254.0.0/112")).hasToString("169.254.0.0/16");
    assertThat(Cidr.parseList(" 10.0.0.0/8, fc00::/7 ,")).hasSize(2);
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33"))
        .hasMessage("invalid CIDR '10.0.0.0/33': prefix must be 0 to 32");
    assertThatThrownBy(() -> Cidr.parse("db.example/24"))
        .hasMessage("invalid CIDR 'db.example/24': not an IP address");
    assertThatThrownBy(() -> Cidr.parse("1.2.3/8"))
        .hasMessage("invalid CIDR '1.2.3/8': not an IP address");
    assertThatThrownBy(() -> Cidr.parse("fe80::zz"))
        .hasMessage("invalid CIDR 'fe80::zz': not an IPv6 address");
    assertThatThrownBy(
            () ->
                EgressSettings.from(
                    Settings.of(java.util.Map.of("DATADOCK_EGRESS_DENY", "10.0.0.0/8,x")),
                    Mode.STANDALONE,
                    java.nio.file.Path.of("/data/files")))
        .hasMessage("DATADOCK_EGRESS_DENY: invalid CIDR 'x': not an IP address");
  }

  private EgressPolicy policy(Mode mode, List<String> allow, List<String> deny) {
    // this machine, for the test: loopback only (no interface lookup)
    return new EgressPolicy(
        mode, Cidr.parseAll(allow), Cidr.parseAll(deny), platform, InetAddress::isLoopbackAddress);
  }

  private static EgressDecision denied(String reason) {
    return new EgressDecision(false, "egress denied: " + reason);
  }

  private static InetAddress v4(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** An IPv6 literal (parsed, never looked up). */
  private static InetAddress v6(String literal) {
    try {
      return InetAddress.getByAddress(InetAddress.getByName(literal).getAddress());
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
