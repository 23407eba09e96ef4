package io.datadock.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeMessagesTest {

  private static final Credentials CREDENTIALS =
      new Credentials(
          Map.of("username", "bob", "password", "hunter22", "awssecretaccesskey", "AKIAxyz/123"),
          Map.of());

  @Test
  void dropsEverythingAfterPasswordEquals() {
    assertThat(
            SafeMessages.clean(
                "bad url jdbc:x://h/db?user=bob&password=whatever&ssl=true", Credentials.none()))
        .isEqualTo("bad url jdbc:x://h/db?user=bob&password=***");
  }

  @Test
  void replacesSecretValuesButKeepsTheUserName() {
    assertThat(SafeMessages.clean("user bob sent hunter22 and AKIAxyz/123", CREDENTIALS))
        .isEqualTo("user bob sent *** and ***");
  }

  @Test
  void keepsTheFirstLineOnlyAndStaysShort() {
    assertThat(SafeMessages.clean("first\n\tat some.Stack(Trace.java:1)", CREDENTIALS))
        .isEqualTo("first");
    assertThat(SafeMessages.clean("x".repeat(1000), CREDENTIALS)).hasSizeLessThanOrEqualTo(240);
  }

  @Test
  void credentialsNameKeysOnly() {
    assertThat(CREDENTIALS.toString()).contains("password", "username").doesNotContain("hunter22");
    assertThat(CREDENTIALS.get("PASSWORD")).isEqualTo("hunter22");
    assertThat(CREDENTIALS.get("missing")).isNull();
  }
}
