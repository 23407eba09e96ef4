package io.datadock.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.error.DatadockException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretManifestValidatorTest {

  private static final String MARKER = "hunter2-MARKER";
  private final ManifestParser parser = new ManifestParser(ManifestLimits.defaults());
  private final ApplyContext ctx = new ApplyContext("alice", "engineering", null, null);

  private SecretManifest validate(String yaml) {
    return SecretManifestValidator.validate(parser.parse(yaml, false).get(0), ctx);
  }

  private void assertInvalid(String yaml, String field, String messagePart) {
    assertThatThrownBy(() -> validate(yaml))
        .isInstanceOfSatisfying(
            DatadockException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(messagePart)
        .hasMessageNotContaining(MARKER);
  }

  static final String SEED =
      """
      name: snowflake-cred
      version: v2alpha
      type: secret
      secret:
        type: key-value
        data:
          username: sales_reader
          password: hunter2-MARKER
      """;

  @Test
  void theSeedSecretValidatesTenantScoped() {
    SecretManifest m = validate(SEED);
    assertThat(m.key().toString()).isEqualTo("engineering/secret/snowflake-cred");
    assertThat(m.workspace()).isNull();
    assertThat(m.owner()).isEqualTo("alice");
    assertThat(m.data()).containsOnlyKeys("password", "username");
    assertThat(m.toString()).doesNotContain(MARKER);
  }

  @Test
  void anInstanceSecretNeedsAnAcl() {
    String yaml =
        """
        name: pgdepot-r
        version: v1
        type: instance-secret
        layer: user
        instance-secret:
          type: key-value-properties
          acl: r
          data: {username: u, password: p}
        """;
    SecretManifest m = validate(yaml);
    assertThat(m.acl()).isEqualTo("r");
    assertThat(m.kind()).isEqualTo("instance-secret");
    assertInvalid(yaml.replace("  acl: r\n", ""), "instance-secret.acl", "required");
    assertInvalid(yaml.replace("acl: r", "acl: x"), "instance-secret.acl", "r or rw");
  }

  @Test
  void aV1SecretLivesInAWorkspaceDefaultPublic() {
    String yaml =
        "name: ws-cred\nversion: v1\ntype: secret\nsecret:\n  type: cloud-kernel-image-pull\n  data: {a: b}\n";
    assertThat(validate(yaml).key().toString()).isEqualTo("engineering/secret/public/ws-cred");
    SecretManifest inWs =
        SecretManifestValidator.validate(
            parser.parse(yaml, false).get(0),
            new ApplyContext("alice", "engineering", null, "sandbox"));
    assertThat(inWs.workspace()).isEqualTo("sandbox");
  }

  @Test
  void filesAreBase64Decoded() {
    String content = Base64.getEncoder().encodeToString("{\"k\":1}".getBytes());
    SecretManifest m = validate(SEED + "  files:\n    key.json: " + content + "\n");
    assertThat(new String(m.files().get("key.json"))).isEqualTo("{\"k\":1}");
    assertInvalid(
        SEED + "  files:\n    key.json: not*base64!\n", "secret.files.key.json", "base64");
  }

  @Test
  void badFieldsAreNamed() {
    assertInvalid(SEED.replace("name: snowflake-cred\n", ""), "name", "name is required");
    assertInvalid(SEED.replace("snowflake-cred", "Snowflake_Cred"), "name", "must match");
    assertInvalid(SEED.replace("snowflake-cred", "x".repeat(60)), "name", "under 60");
    assertInvalid(SEED.replace("v2alpha", "v3"), "version", "unknown version 'v3'");
    assertInvalid(SEED.replace("type: secret", "type: widget"), "type", "unknown type 'widget'");
    assertInvalid(
        SEED.replace("type: key-value", "type: magic"), "secret.type", "unknown secret type");
    assertInvalid(
        SEED.replace("password: hunter2-MARKER", "port: 5432"),
        "secret.data.port",
        "must be a string");
    assertInvalid(
        SEED.replace("password:", "pass word:"), "secret.data.pass word", "may only hold");
    assertInvalid(
        SEED.replace("  type: key-value\n", "  type: key-value\n  acl: rw\n"),
        "secret.acl",
        "instance secrets only");
    assertInvalid(
        "name: a\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n  data: {}\n",
        "secret.data",
        "at least one entry");
    assertInvalid("name: a\nversion: v2alpha\ntype: secret\n", "secret", "block");
    assertInvalid(SEED + "tenant: Bad_Tenant\n", "tenant", "must match");
    assertInvalid(SEED + "resourceVersion: abc\n", "resourceVersion", "number");
  }

  @Test
  void secretDataOverTheLimitIsRefused() {
    ManifestLimits small = new ManifestLimits(1 << 20, 50, 100, 50, 16);
    Map<String, Object> doc = parser.parse(SEED, false).get(0);
    assertThatThrownBy(() -> SecretManifestValidator.validate(doc, ctx, small))
        .isInstanceOfSatisfying(
            DatadockException.class, e -> assertThat(e.field()).isEqualTo("secret.data"))
        .hasMessageContaining("exceeds 16 bytes");
  }

  @Test
  void resourceVersionAndTenantComeFromTheManifestFirst() {
    SecretManifest m = validate(SEED + "tenant: sales\nresourceVersion: 42\n");
    assertThat(m.tenant()).isEqualTo("sales");
    assertThat(m.resourceVersion()).isEqualTo(42L);
  }
}
