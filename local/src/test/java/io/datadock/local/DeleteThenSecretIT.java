package io.datadock.local;

import static io.datadock.local.SecretApiIT.firstResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DataOS's guide ends with "delete the depot first, then the secret": two commands, sent back to
 * back over HTTP with no retry. A depot's delete (and a re-apply that drops a secret) answers only
 * once secret-service has released the references, so the secret's delete right after it is never
 * refused as a dependency. File depots under the platform's file root: checked at once, locally.
 */
class DeleteThenSecretIT extends PlatformIT {

  private static final int PAIRS = 100;
  private static final int BATCH = 10;
  private static Path files;

  @BeforeAll
  static void fileRoot() throws Exception {
    // inside the platform's default file root, <data dir>/files
    files = Files.createDirectories(dataDir.resolve("files").resolve("delete-then-secret"));
  }

  private static String secret(String name) {
    return """
        name: %s
        version: v2alpha
        type: secret
        secret:
          type: key-value
          data: {username: reader, password: "pw-%s"}
        """
        .formatted(name, name);
  }

  private static String depot(String name, String... secrets) {
    return TestManifests.filesDepotWithSecrets(name, files, secrets);
  }

  /**
   * Applies the documents and waits until every depot among them is settled; all must be active.
   */
  private static void applyActive(List<String> documents) {
    Api.Response response = api.applyYaml(String.join("---\n", documents), "?wait=true");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonArray results = new JsonObject(response.body()).getJsonArray("results");
    assertThat(results).hasSize(documents.size());
    for (int i = 0; i < results.size(); i++) {
      JsonObject result = results.getJsonObject(i);
      if ("depot".equals(result.getString("type"))) {
        assertThat(result.getString("status")).as(result.encode()).isEqualTo("active");
      }
    }
  }

  @Test
  void deletingEachDepotThenAtOnceItsSecretNeverFindsTheSecretStillInUse() {
    for (int from = 0; from < PAIRS; from += BATCH) {
      List<String> documents = new ArrayList<>();
      for (int i = from; i < from + BATCH; i++) {
        documents.add(secret("dts-" + i));
        documents.add(depot("dtd-" + i, "dts-" + i));
      }
      applyActive(documents);
    }

    List<String> refused = new ArrayList<>();
    for (int i = 0; i < PAIRS; i++) {
      Api.Response depot = api.delete("/api/v1/resources/depot/dtd-" + i);
      assertThat(depot.status()).as(depot.body()).isEqualTo(200);
      Api.Response secret = api.delete("/api/v1/resources/secret/dts-" + i);
      if (secret.status() != 200) {
        refused.add("dts-" + i + ": " + secret.status() + " " + secret.body());
      }
    }

    assertThat(refused).as("secret deletes refused right after their depot's delete").isEmpty();
    assertThat(api.get("/api/v1/resources/depot/dtd-0").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/resources/secret/dts-" + (PAIRS - 1)).status()).isEqualTo(404);
  }

  @Test
  void reApplyingADepotWithoutASecretFreesTheSecretByTheTimeItAnswers() {
    applyActive(List.of(secret("kept-cred"), secret("dropped-cred")));
    applyActive(List.of(depot("reapplied", "kept-cred", "dropped-cred")));

    JsonObject reapplied = firstResult(api.applyYaml(depot("reapplied", "kept-cred"), ""));
    Api.Response dropped = api.delete("/api/v1/resources/secret/dropped-cred");

    assertThat(reapplied.getString("outcome")).isEqualTo("updated");
    assertThat(dropped.status()).as(dropped.body()).isEqualTo(200);
    Api.Response kept = api.delete("/api/v1/resources/secret/kept-cred");
    assertThat(kept.status()).as("still referenced").isEqualTo(409);
  }
}
