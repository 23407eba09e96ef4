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
  void aV1WorkspaceSecretWithAclRServesScanButNotRw() throws Exception {
    String yaml =
        "name: ws-r\nversion: v1\ntype: secret\nsecret:\n  type: key-value\n  acl: r\n"
            + "  data:\n    username: ws-reader\n    password: ws-read-pass\n";
    assertThat(api.applyYaml(yaml, "").status()).isEqualTo(200);
    assertThat(
            api.applyYaml(yaml.replace("ws-r\n", "ws-rw\n").replace("acl: r", "acl: rw"), "")
                .status())
        .isEqualTo(200);
    assertThat(
            new JsonObject(api.get("/api/v1/resources/secret/ws-r?workspace=public").body())
                .getJsonObject("spec")
                .getString("acl"))
        .isEqualTo("r");

    Api.Response rw =
        resolver.resolve(RunningPlatform.ADMIN_TOKEN, "default/secret/public/ws-r", "rw");
    assertThat(rw.status()).as(rw.body()).isEqualTo(403);
    assertThat(rw.body())
        .contains("not allowed by the secret's acl r")
        .doesNotContain("ws-read-pass");
    assertThat(lastAccessFor("default/secret/public/ws-r").getOutcome())
        .isEqualTo(AccessOutcome.DENIED);
    for (String purpose : new String[] {"scan", "query"}) {
      Api.Response read =
          resolver.resolve(RunningPlatform.ADMIN_TOKEN, "default/secret/public/ws-r", purpose);
      assertThat(read.status()).as(read.body()).isEqualTo(200);
      assertThat(new JsonObject(read.body()).getJsonObject("fields").getString("password"))
          .isEqualTo("ws-read-pass");
    }
    assertThat(
            resolver
                .resolve(RunningPlatform.ADMIN_TOKEN, "default/secret/public/ws-rw", "rw")
                .status())
        .isEqualTo(200);
    // a v2alpha secret still takes no acl
    Api.Response v2alpha = api.applyYaml(yaml.replace("version: v1", "version: v2alpha"), "");
    assertThat(v2alpha.status()).isEqualTo(422);
    assertThat(SecretApiIT.errorOf(v2alpha).getString("field")).isEqualTo("secret.acl");
  }

  @Test
  void aKeyValueSecretsFilesAreResolvedUnderTheirNames() throws Exception {
    String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    assertThat(
            api.applyYaml(
                    "name: kv-files\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n"
                        + "  data: {username: u, password: p}\n  files:\n    sslrootcert: "
                        + Base64.getEncoder().encodeToString(pem.getBytes())
                        + "\n",
                    "")
                .status())
        .isEqualTo(200);

    Api.Response r =
        resolver.resolve(RunningPlatform.ADMIN_TOKEN, "default/secret/kv-files", "scan");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject answer = new JsonObject(r.body());
    assertThat(answer.getJsonObject("fields").fieldNames())
        .containsExactlyInAnyOrder("username", "password");
    assertThat(
            new String(
                Base64.getDecoder().decode(answer.getJsonObject("files").getString("sslrootcert"))))
        .isEqualTo(pem);
    assertThat(lastAccessFor("default/secret/kv-files").getFields())
        .containsExactlyInAnyOrder("username", "password", "file:sslrootcert");
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
