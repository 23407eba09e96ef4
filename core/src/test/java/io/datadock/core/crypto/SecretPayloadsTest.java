package io.datadock.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretPayloadsTest {

  @Test
  void insertionOrderDoesNotChangeTheEncoding() {
    Map<String, String> data1 = new LinkedHashMap<>();
    data1.put("user", "alice");
    data1.put("password", "hunter2");
    data1.put("host", "db");
    Map<String, String> data2 = new LinkedHashMap<>();
    data2.put("host", "db");
    data2.put("password", "hunter2");
    data2.put("user", "alice");
    Map<String, byte[]> files1 = new LinkedHashMap<>();
    files1.put("z.pem", new byte[] {1});
    files1.put("a.pem", new byte[] {2});
    Map<String, byte[]> files2 = new LinkedHashMap<>();
    files2.put("a.pem", new byte[] {2});
    files2.put("z.pem", new byte[] {1});

    assertThat(SecretPayloads.encode(data1, files1))
        .isEqualTo(SecretPayloads.encode(data2, files2));
  }

  @Test
  void roundTripKeepsBinaryFilesByteForByte() {
    byte[] allBytes = new byte[256];
    for (int i = 0; i < allBytes.length; i++) {
      allBytes[i] = (byte) i;
    }
    byte[] encoded =
        SecretPayloads.encode(
            Map.of("user", "ålice ✓", "empty", ""),
            Map.of("keystore.p12", allBytes, "empty.bin", new byte[0]));

    SecretPayloads.Decoded decoded = SecretPayloads.decode(encoded);

    assertThat(decoded.data())
        .containsExactly(Map.entry("empty", ""), Map.entry("user", "ålice ✓"));
    assertThat(decoded.files()).containsOnlyKeys("empty.bin", "keystore.p12");
    assertThat(decoded.files().keySet()).containsExactly("empty.bin", "keystore.p12");
    assertThat(decoded.files().get("keystore.p12")).isEqualTo(allBytes);
    assertThat(decoded.files().get("empty.bin")).isEmpty();
  }

  @Test
  void anEmptyPayloadRoundTrips() {
    SecretPayloads.Decoded decoded =
        SecretPayloads.decode(SecretPayloads.encode(Map.of(), Map.of()));

    assertThat(decoded.data()).isEmpty();
    assertThat(decoded.files()).isEmpty();
  }

  @Test
  void sameContentComparesEncodings() {
    byte[] a = SecretPayloads.encode(Map.of("a", "1"), Map.of("f", new byte[] {1, 2}));
    byte[] b = SecretPayloads.encode(Map.of("a", "1"), Map.of("f", new byte[] {1, 2}));

    assertThat(SecretPayloads.sameContent(a, b)).isTrue();
    assertThat(
            SecretPayloads.sameContent(
                a, SecretPayloads.encode(Map.of("a", "2"), Map.of("f", new byte[] {1, 2}))))
        .isFalse();
    assertThat(
            SecretPayloads.sameContent(
                a, SecretPayloads.encode(Map.of("a", "1"), Map.of("f", new byte[] {1, 3}))))
        .isFalse();
    assertThat(SecretPayloads.sameContent(a, SecretPayloads.encode(Map.of("a", "1"), Map.of())))
        .isFalse();
  }

  @Test
  void toStringNamesKeysButNoValues() {
    SecretPayloads.Decoded decoded =
        SecretPayloads.decode(
            SecretPayloads.encode(
                Map.of("user", "alice", "password", "hunter2"),
                Map.of("tls.key", "PRIVATEKEYDATA".getBytes())));

    assertThat(decoded.toString())
        .contains("user", "password", "tls.key")
        .doesNotContain("alice", "hunter2", "PRIVATEKEYDATA", "[B@");
  }

  @Test
  void trailingOrTruncatedBytesDoNotDecode() {
    byte[] encoded = SecretPayloads.encode(Map.of("a", "1"), Map.of());
    byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
    byte[] truncated = Arrays.copyOf(encoded, encoded.length - 1);

    assertThatThrownBy(() -> SecretPayloads.decode(trailing)).isInstanceOf(SealingException.class);
    assertThatThrownBy(() -> SecretPayloads.decode(truncated)).isInstanceOf(SealingException.class);
  }

  @Test
  void aNullValueIsRefusedNamingOnlyTheKey() {
    Map<String, String> data = new HashMap<>();
    data.put("password", null);

    assertThatThrownBy(() -> SecretPayloads.encode(data, Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("password");
  }
}
