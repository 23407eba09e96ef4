package io.datadock.local;

import static io.datadock.local.SecretApiIT.errorOf;
import static io.datadock.local.SecretApiIT.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets the right 4xx and a message naming the problem; nothing applies. */
class BadInputIT extends PlatformIT {

  private static void assertError(Api.Response r, int status, String field, String messagePart) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    JsonObject error = errorOf(r);
    assertThat(error.getString("message")).as(r.body()).containsIgnoringCase(messagePart);
    if (field != null) {
      assertThat(error.getString("field")).as(r.body()).isEqualTo(field);
    }
  }

  @Test
  void noOrBadTokenIs401() {
    assertError(api.withToken(null).get("/api/v1/resources"), 401, null, "bearer");
    assertError(api.withToken("wrong").get("/api/v1/resources"), 401, null, "token");
  }

  @Test
  void malformedYamlAndJsonAre400() {
    assertError(api.applyYaml("name: [unclosed\n", ""), 400, null, "");
    assertError(api.applyJson("{\"name\": "), 400, null, "");
  }

  @Test
  void unknownTypeAndVersionAre422NamingTheField() {
    assertError(
        api.applyYaml(secret("x-cred", "pw").replace("type: secret", "type: sekret"), ""),
        422,
        "type",
        "sekret");
    assertError(
        api.applyYaml(secret("x-cred", "pw").replace("v2alpha", "v9"), ""), 422, "version", "v9");
  }

  @Test
  void anUnknownTypeInAPathOrAQueryIs400NamingIt() {
    String body =
        "{\"error\":{\"code\":\"malformed\",\"message\":\"unknown type 'bucket',"
            + " expected one of depot, instance-secret, secret\"}}";
    for (Api.Response r :
        new Api.Response[] {
          api.get("/api/v1/resources?type=bucket"),
          api.get("/api/v1/resources/bucket/x-cred"),
          api.delete("/api/v1/resources/bucket/x-cred"),
          api.get("/api/v1/watch?type=bucket")
        }) {
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.body()).isEqualTo(body);
    }
    // the type is exact: as manifests, keys and records spell it
    assertThat(api.get("/api/v1/resources?type=Secret").status()).isEqualTo(400);
    assertThat(api.get("/api/v1/resources?type=secret").status()).isEqualTo(200);
  }

  @Test
  void missingAndBadNamesAre422() {
    assertError(api.applyYaml(secret("x", "pw").replace("name: x\n", ""), ""), 422, "name", "name");
    assertError(api.applyYaml(secret("Bad_Name", "pw"), ""), 422, "name", "Bad_Name");
    assertError(api.applyYaml(secret("a".repeat(61), "pw"), ""), 422, "name", "");
    assertError(api.applyYaml(secret("trailing-", "pw"), ""), 422, "name", "trailing-");
  }

  @Test
  void missingOrEmptyDataIs422() {
    String noData =
        "name: empty-cred\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n";
    assertError(api.applyYaml(noData, ""), 422, "secret.data", "");
    assertError(api.applyYaml(noData + "  data: {}\n  files: {}\n", ""), 422, "secret.data", "");
  }

  @Test
  void nullAndNestedDataValuesAre422NamingTheField() {
    String head =
        "name: num-cred\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n  data:\n";
    assertError(api.applyYaml(head + "    port:\n", ""), 422, "secret.data.port", "no value");
    assertError(
        api.applyYaml(head + "    port: {n: 5432}\n", ""),
        422,
        "secret.data.port",
        "must be a string, a number or a boolean, not a mapping");
    assertError(
        api.applyYaml(head + "    port: [5432]\n", ""), 422, "secret.data.port", "not a list");
    // numbers and booleans are their text (SecretManifestValidatorTest, DepotIT)
    assertThat(api.applyYaml(head + "    port: 5432\n", "").status()).isEqualTo(200);
  }

  @Test
  void aBodyOverTheLimitIs413() {
    String big = secret("big-cred", "x".repeat(1024 * 1024 + 10));
    assertError(api.applyYaml(big, ""), 413, null, "limit");
  }

  @Test
  void billionLaughsIsRefusedQuickly() {
    StringBuilder yaml =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [*").append(p);
      for (int i = 0; i < 8; i++) {
        yaml.append(",*").append(p);
      }
      yaml.append("]\n");
    }
    Instant before = Instant.now();
    Api.Response r = api.applyYaml(yaml.toString(), "");
    assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
    assertError(r, 422, null, "aliases are not allowed in manifests");
  }

  @Test
  void duplicateKeysAre400() {
    assertError(
        api.applyYaml("name: a\nname: b\nversion: v2alpha\ntype: secret\n", ""),
        400,
        null,
        "duplicate");
    assertError(api.applyJson("{\"name\":\"a\",\"name\":\"b\"}"), 400, null, "duplicate");
  }

  @Test
  void oneBadDocumentInAMultiDocumentBodyAppliesNothing() {
    String body = secret("first-good", "pw") + "---\n" + secret("Second_Bad", "pw");
    assertError(api.applyYaml(body, ""), 422, "name", "document 2");
    assertThat(api.get("/api/v1/resources/secret/first-good").status()).isEqualTo(404);
  }

  @Test
  void unknownTypesInPathsAndBadIfMatchAre400() {
    assertError(api.get("/api/v1/resources/widget/x"), 400, null, "widget");
    Api.Response badIfMatch =
        api.apply(
            HttpRequest.newBuilder(api.uri("/api/v1/resources"))
                .header("Content-Type", "application/yaml")
                .header("If-Match", "not-a-number")
                .POST(HttpRequest.BodyPublishers.ofString(secret("if-match-cred", "pw"))));
    assertError(badIfMatch, 400, null, "If-Match");
  }

  @Test
  void anEmptyBodyIs400() {
    assertError(api.applyYaml("", ""), 400, null, "empty");
  }
}
