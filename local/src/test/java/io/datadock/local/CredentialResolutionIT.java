package io.datadock.local;

import static io.datadock.local.SecretApiIT.firstResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.schemas.secret.AccessOutcome;
import io.datadock.schemas.secret.SecretAccess;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credential resolution on secret-service: type semantics, acl and purpose, audit of every call.
 */
class CredentialResolutionIT extends PlatformIT {

  static Resolver resolver;

  @BeforeAll
  static void applySecrets() {
    resolver = new Resolver(platform);
    firstResult(
        api.applyYaml(
            "name: kv-cred\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n  data:\n    username: kv-user\n    password: kv-pass\n",
            ""));
    firstResult(
        api.applyYaml(
            "name: pg-r\nversion: v1\ntype: instance-secret\ninstance-secret:\n  type: key-value-properties\n  acl: r\n  data:\n    username: reader\n    password: read-pass\n",
            ""));
    firstResult(
        api.applyYaml(
            "name: tls-cred\nversion: v2alpha\ntype: secret\nsecret:\n  type: certificates\n  files:\n    ca.pem: "
                + Base64.getEncoder().encodeToString("-----BEGIN CERT-----".getBytes())
                + "\n",
            ""));
  }

  @Test
  void keyValueReturnsEachPairAndIsAudited() throws Exception {
    Api.Response r = resolver.resolve(RunningPlatform.ADMIN_TOKEN, "default/secret/kv-cred", "rw");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject fields = new JsonObject(r.body()).getJsonObject("fields");
    assertThat(fields.getString("username")).isEqualTo("kv-user");
    assertThat(fields.getString("password")).isEqualTo("kv-pass");
    SecretAccess audit = lastAccessFor("default/secret/kv-cred");
    assertThat(audit.getOutcome()).isEqualTo(AccessOutcome.ALLOWED);
    assertThat(audit.getCaller()).isEqualTo("user:admin");
    assertThat(audit.getPurpose()).isEqualTo("rw");
    assertThat(audit.getFields()).containsExactlyInAnyOrder("username", "password");
    assertThat(audit.toString()).doesNotContain("kv-pass");
  }

  @Test
  void anReadOnlySecretServesScanButNotRw() throws Exception {
    Api.Response rw =
        resolver.resolve(RunningPlatform.ADMIN_TOKEN, "default/instance-secret/pg-r", "rw");
    assertThat(rw.status()).as(rw.body()).isEqualTo(403);
    assertThat(rw.body()).doesNotContain("read-pass");
    assertThat(lastAccessFor("default/instance-secret/pg-r").getOutcome())
        .isEqualTo(AccessOutcome.DENIED);

    Api.Response scan =
        resolver.resolve(RunningPlatform.ADMIN_TOKEN, "default/instance-secret/pg-r", "scan");
    assertThat(scan.status()).as(scan.body()).isEqualTo(200);
    String properties = new JsonObject(scan.body()).getJsonObject("fields").getString("properties");
    assertThat(properties).isEqualTo("password=read-pass\nusername=reader\n");
  }

  @Test
  void certificatesReturnFileContents() throws Exception {
    Api.Response r =
        resolver.resolve(RunningPlatform.ADMIN_TOKEN, "default/secret/tls-cred", "query");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String ca = new JsonObject(r.body()).getJsonObject("fields").getString("ca.pem");
    assertThat(new String(Base64.getDecoder().decode(ca))).isEqualTo("-----BEGIN CERT-----");
  }

  @Test
  void unknownSecretsUnknownPurposesAndMissingTokensAreRefusedAndAudited() throws Exception {
    assertThat(resolver.resolve(RunningPlatform.ADMIN_TOKEN, "default/secret/nope", "rw").status())
        .isEqualTo(404);
    assertThat(lastAccessFor("default/secret/nope").getOutcome())
        .isEqualTo(AccessOutcome.NOT_FOUND);

    assertThat(resolver.resolve(null, "default/secret/kv-cred", "rw").status()).isEqualTo(401);
    assertThat(resolver.resolve("wrong-token", "default/secret/kv-cred", "rw").status())
        .isEqualTo(401);
    assertThat(lastAccessFor("default/secret/kv-cred").getOutcome())
        .isEqualTo(AccessOutcome.UNAUTHENTICATED);

    assertThat(
            resolver
                .resolve(RunningPlatform.ADMIN_TOKEN, "default/secret/kv-cred", "steal")
                .status())
        .isEqualTo(400);
  }

  @Test
  void unsanitizedReadsShowValuesAndAreAudited() {
    Api.Response sanitized = api.get("/api/v1/resources/secret/kv-cred");
    assertThat(sanitized.body()).doesNotContain("kv-pass");

    Api.Response unsanitized = api.get("/api/v1/resources/secret/kv-cred?unsanitize=true");

    assertThat(unsanitized.status()).as(unsanitized.body()).isEqualTo(200);
    JsonObject data =
        new JsonObject(unsanitized.body()).getJsonObject("spec").getJsonObject("data");
    assertThat(data.getString("password")).isEqualTo("kv-pass");
    SecretAccess audit = lastAccessFor("default/secret/kv-cred");
    assertThat(audit.getPurpose()).isEqualTo("unsanitize");
    assertThat(audit.getOutcome()).isEqualTo(AccessOutcome.ALLOWED);
  }

  private static SecretAccess lastAccessFor(String key) {
    return resolver.accessRecords().stream()
        .filter(a -> a.getResourceKey().equals(key))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no access record for " + key));
  }
}
