package io.datadock.core.manifest.depot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "db",
        "DB-1.Internal.example.com",
        "xn--bcher-kva.example",
        "127.0.0.1",
        "0.0.0.0",
        "255.255.255.255",
        "::1",
        "[::1]",
        "::",
        "1::",
        "2001:DB8::8:800:200C:417A",
        "orders_db",
        "db_1.internal",
        "[2001:db8:0:0:8:800:200c:417a]",
        "::ffff:192.0.2.128",
        "1:2:3:4:5:6:7::"
      })
  void valid(String host) {
    assertThat(HostName.valid(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "db.",
        ".db",
        "-db",
        "db-",
        "d b",
        "db:5432",
        "u@db",
        "db/x",
        "db?x",
        "db#x",
        "db;x",
        "db&x",
        "db=x",
        "db%2F",
        "1.2.3.256",
        "1.2.3",
        "01.2.3.4",
        "2130706433",
        "[db]",
        "[127.0.0.1]",
        "[::1",
        "::1]",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        "12345::",
        "fe80::1%eth0",
        "::ffff:1.2.3",
        "１２７.0.0.1"
      })
  void invalid(String host) {
    assertThat(HostName.valid(host)).isFalse();
  }

  @Test
  void labelsAndNamesHaveLengthLimits() {
    assertThat(HostName.valid("a".repeat(63) + ".example")).isTrue();
    assertThat(HostName.valid("a".repeat(64) + ".example")).isFalse();
    String name = ("a".repeat(60) + ".").repeat(4) + "com"; // 247 characters
    assertThat(HostName.valid(name)).isTrue();
    assertThat(HostName.valid("a".repeat(10) + "." + name)).isFalse();
  }

  @Test
  void ipv6LiteralsAreBracketedForUrlsOnly() {
    assertThat(HostName.unbracketed("[::1]")).isEqualTo("::1");
    assertThat(HostName.forUrl("::1")).isEqualTo("[::1]");
    assertThat(HostName.forUrl("[::1]")).isEqualTo("[::1]");
    assertThat(HostName.forUrl("db.internal")).isEqualTo("db.internal");
  }
}
