package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State digests: a restarted platform restores secret-service's and depot-service's stores from
 * their changelogs, and the digests prove the restored state equals the old one; a change moves the
 * digest.
 */
class StateDigestIT {

  @TempDir Path dataDir;

  static JsonObject digest(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return new JsonObject(response.body());
  }

  @Test
  void aRestoredStateHasTheSameDigest() throws Exception {
    Map<String, JsonObject> before = new java.util.LinkedHashMap<>();
    try (Platform platform = RunningPlatform.start(dataDir)) {
      Api api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
      api.applyYaml(SecretApiIT.secret("digest-a", "a"), "");
      api.applyYaml(SecretApiIT.secret("digest-b", "b"), "");
      api.applyYaml(
          "name: digest-files\nversion: v2alpha\ntype: depot\nspec:\n  type: file\n  spec: {path: \""
              + dataDir.resolve("files").toAbsolutePath()
              + "\"}\n",
          "?wait=true");
      for (var e : platform.stateDigestUrls().entrySet()) {
        before.put(e.getKey(), digest(e.getValue()));
      }
      assertThat(before.get("secret-service").getLong("entries")).isEqualTo(2);
      assertThat(before.get("depot-service").getLong("entries")).isEqualTo(1);

      api.applyYaml(SecretApiIT.secret("digest-b", "b-changed"), "");
      assertThat(digest(platform.stateDigestUrls().get("secret-service")).getString("sha256"))
          .isNotEqualTo(before.get("secret-service").getString("sha256"));
      api.applyYaml(SecretApiIT.secret("digest-b", "b"), "");
      before.put("secret-service", digest(platform.stateDigestUrls().get("secret-service")));
    }
    try (Platform restarted = RunningPlatform.start(dataDir)) {
      for (var e : restarted.stateDigestUrls().entrySet()) {
        assertThat(digest(e.getValue())).as(e.getKey()).isEqualTo(before.get(e.getKey()));
      }
    }
  }
}
