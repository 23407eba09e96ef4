package io.datadock.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.error.DatadockException;
import io.datadock.core.resource.ResourceKind;
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
    assertThat(m.kind()).isEqualTo(ResourceKind.INSTANCE_SECRET);
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
        SEED.replace("password: hunter2-MARKER", "port: {n: 5432}"),
        "secret.data.port",
        "must be a string, a number or a boolean, not a mapping");
    assertInvalid(
        SEED.replace("password:", "pass word:"), "secret.data.pass word", "may only hold");
    assertInvalid(
        SEED.replace("  type: key-value\n", "  type: key-value\n  acl: rw\n"),
        "secret.acl",
        "acl applies to v1 secrets and instance secrets only");
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

  @Test
  void aV1WorkspaceSecretTakesAnAclAndAV2alphaSecretDoesNot() {
    String yaml =
        "name: ws-cred\nversion: v1\ntype: secret\nsecret:\n  type: key-value\n  acl: r\n  data: {username: u, password: p}\n";
    assertThat(validate(yaml).acl()).isEqualTo("r");
    assertThat(validate(yaml.replace("acl: r", "acl: rw")).acl()).isEqualTo("rw");
    assertThat(validate(yaml.replace("  acl: r\n", "")).acl()).isNull();
    assertInvalid(yaml.replace("acl: r", "acl: w"), "secret.acl", "acl must be r or rw");
    assertInvalid(
        yaml.replace("version: v1", "version: v2alpha"),
        "secret.acl",
        "acl applies to v1 secrets and instance secrets only; a v2alpha secret's depot references"
            + " name their purposes");
  }

  /** YAML 1.1 would read each of these as something else than what was written. */
  static final String SCALARS =
      """
        data:
          password: 12345678
          port: 5432
          octal: 0777
          exponent: 1e3
          float: 1.10
          answer: yes
          flag: true
          off: false
          underscored: 1_000
          sexagesimal: 12:30
          hex: 0x1F
          date: 2024-01-01
          infinity: .inf
          quoted: "0777"
      """;

  static final Map<String, String> AS_WRITTEN =
      Map.ofEntries(
          Map.entry("password", "12345678"),
          Map.entry("port", "5432"),
          Map.entry("octal", "0777"),
          Map.entry("exponent", "1e3"),
          Map.entry("float", "1.10"),
          Map.entry("answer", "yes"),
          Map.entry("flag", "true"),
          Map.entry("off", "false"),
          Map.entry("underscored", "1_000"),
          Map.entry("sexagesimal", "12:30"),
          Map.entry("hex", "0x1F"),
          Map.entry("date", "2024-01-01"),
          Map.entry("infinity", ".inf"),
          Map.entry("quoted", "0777"));

  @Test
  void unquotedScalarsInDataAreStoredAsWrittenInEveryShape() {
    String v2alpha = "name: a\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n";
    String instance =
        "name: a\nversion: v1\ntype: instance-secret\ninstance-secret:\n  type: key-value-properties\n  acl: r\n";
    String workspace = "name: a\nversion: v1\ntype: secret\nsecret:\n  type: key-value\n";
    for (String head : new String[] {v2alpha, instance, workspace}) {
      assertThat(validate(head + SCALARS).data()).as(head).isEqualTo(AS_WRITTEN);
    }
  }

  @Test
  void jsonNumbersAndBooleansInDataAreStoredAsTheirText() {
    Map<String, Object> doc =
        parser
            .parse(
                "{\"name\": \"a\", \"version\": \"v2alpha\", \"type\": \"secret\", \"secret\":"
                    + " {\"type\": \"key-value\", \"data\": {\"password\": 12345678, \"port\": 5432,"
                    + " \"float\": 1.10, \"exponent\": 1e3, \"flag\": true, \"big\":"
                    + " 123456789012345678901234567890}}}",
                true)
            .get(0);
    assertThat(SecretManifestValidator.validate(doc, ctx).data())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "password", "12345678",
                "port", "5432",
                "float", "1.10",
                "exponent", "1E+3",
                "flag", "true",
                "big", "123456789012345678901234567890"));
  }

  @Test
  void nullsListsAndMappingsInDataStayErrorsNamingTheField() {
    String head = "name: a\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n";
    assertInvalid(head + "  data:\n    password:\n", "secret.data.password", "has no value");
    assertInvalid(head + "  data:\n    password: ~\n", "secret.data.password", "has no value");
    assertInvalid(head + "  data:\n    password: null\n", "secret.data.password", "has no value");
    assertInvalid(
        head + "  data:\n    password: {a: 1}\n", "secret.data.password", "not a mapping");
    assertInvalid(head + "  data:\n    password: [1, 2]\n", "secret.data.password", "not a list");
    assertInvalid(
        "name: a\nversion: v1\ntype: instance-secret\ninstance-secret:\n  type: key-value\n  acl: r\n  data:\n    port:\n",
        "instance-secret.data.port",
        "has no value");
    Map<String, Object> json =
        parser
            .parse(
                "{\"name\": \"a\", \"version\": \"v2alpha\", \"type\": \"secret\", \"secret\":"
                    + " {\"type\": \"key-value\", \"data\": {\"password\": null}}}",
                true)
            .get(0);
    assertThatThrownBy(() -> SecretManifestValidator.validate(json, ctx))
        .isInstanceOfSatisfying(
            DatadockException.class, e -> assertThat(e.field()).isEqualTo("secret.data.password"));
  }
}
