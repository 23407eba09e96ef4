package io.datadock.local;

import static io.datadock.local.SecretApiIT.firstResult;
import static io.datadock.local.SecretApiIT.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apply under key 1, rotate to key 2, retire key 1, restart: resolution still works, and a replay
 * rebuilds the same state.
 */
class KeyRotationIT {

  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void rotateRetireRestartAndResolve() throws Exception {
    String oldKey;
    try (Platform platform = RunningPlatform.start(dataDir)) {
      Api api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
      firstResult(api.applyYaml(secret("rot-a", "pw-a"), ""));
      firstResult(api.applyYaml(secret("rot-b", "pw-b"), ""));
      JsonArray before = keys(platform);
      assertThat(before).hasSize(1);
      oldKey = before.getJsonObject(0).getString("keyId");

      assertThat(admin(platform, "POST", "/internal/v1/keys/" + oldKey + "/retire").statusCode())
          .as("the newest key cannot be retired")
          .isEqualTo(409);
      JsonObject rotated =
          new JsonObject(admin(platform, "POST", "/internal/v1/keys/rotate").body());
      assertThat(rotated.getInteger("resealsSubmitted")).isEqualTo(2);
      String newKey = rotated.getString("newKeyId");

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  secretsSealedTo(platform, oldKey) == 0 && secretsSealedTo(platform, newKey) == 2);
      // the system kept serving: an apply during and after the rotation works, reads stay the same
      firstResult(api.applyYaml(secret("rot-c", "pw-c"), ""));
      assertThat(firstResult(api.applyYaml(secret("rot-a", "pw-a"), "")).getString("outcome"))
          .isEqualTo("unchanged");

      HttpResponse<String> retired =
          admin(platform, "POST", "/internal/v1/keys/" + oldKey + "/retire");
      assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
    }
    try (Platform restarted = RunningPlatform.start(dataDir)) {
      assertThat(keys(restarted).stream().map(k -> ((JsonObject) k).getString("keyId")))
          .doesNotContain(oldKey);
      // A replay decides the commands sealed to the retired key again, exactly as it did then.
      Api.Response replay =
          new Api(restarted.gatewayUrl(), RunningPlatform.ADMIN_TOKEN)
              .postJson("/api/v1/admin/replay", "{\"service\":\"secret\"}");
      assertThat(replay.status()).as(replay.body()).isEqualTo(200);
      assertThat(new JsonObject(replay.body()).getBoolean("equal")).as(replay.body()).isTrue();
      assertThat(new JsonObject(replay.body()).getJsonObject("after").getLong("entries"))
          .isEqualTo(3);
      Resolver resolver = new Resolver(restarted);
      for (String name : new String[] {"rot-a", "rot-b", "rot-c"}) {
        Api.Response r =
            resolver.resolve(RunningPlatform.ADMIN_TOKEN, "default/secret/" + name, "rw");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getJsonObject("fields").getString("password"))
            .isEqualTo("pw-" + name.substring(4));
      }
    }
  }

  private long secretsSealedTo(Platform platform, String keyId) throws Exception {
    return keys(platform).stream()
        .map(JsonObject.class::cast)
        .filter(k -> k.getString("keyId").equals(keyId))
        .mapToLong(k -> k.getLong("secrets"))
        .sum();
  }

  private JsonArray keys(Platform platform) throws Exception {
    return new JsonObject(admin(platform, "GET", "/internal/v1/keys").body()).getJsonArray("keys");
  }

  private HttpResponse<String> admin(Platform platform, String method, String path)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(platform.resolutionUrl() + path))
            .header("Authorization", "Bearer " + RunningPlatform.ADMIN_TOKEN)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
