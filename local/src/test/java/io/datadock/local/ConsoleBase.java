package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.local.console.Browser;
import io.datadock.local.console.Console;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the web console's browser tests: one embedded platform and one headless browser per test
 * class, a screenshot after every test ({@code target/screenshots/<Class>-<test>.png}).
 */
abstract class ConsoleBase {

  static final int WIDE = 1280;
  static final int NARROW = 390;

  @TempDir static Path dataDir;
  static Platform platform;
  static Api api;
  static Browser browser;
  static Console console;

  @BeforeAll
  static void startPlatformAndBrowser() {
    platform = RunningPlatform.start(dataDir);
    api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
    browser = Browser.start(WIDE);
    console = new Console(browser, platform.gatewayUrl());
  }

  @AfterEach
  void screenshot(TestInfo test) {
    if (browser != null) {
      browser.screenshot(
          getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
      browser.width(WIDE);
    }
  }

  @AfterAll
  static void stopPlatformAndBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
    if (platform != null) {
      platform.close();
      platform = null;
    }
  }

  /** A user of {@code tenants} with {@code tags}, and an API key of theirs. */
  static String userWithKey(String id, String tenants, String tags, String useCases) {
    Api.Response user =
        api.postJson(
            "/api/v1/users",
            "{\"id\": \"%s\", \"name\": \"%s\", \"type\": \"person\", \"tenants\": %s, \"tags\": %s, \"useCases\": %s}"
                .formatted(id, id.toUpperCase(), tenants, tags, useCases));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    return keyOf(id);
  }

  static String keyOf(String id) {
    return issueKey(id).getString("token");
  }

  /** A new API key of user {@code id}: {@code keyId}, {@code token}, {@code expiresAt}. */
  static JsonObject issueKey(String id) {
    Api.Response key = api.postJson("/api/v1/users/" + id + "/apikeys", "{}");
    assertThat(key.status()).as(key.body()).isEqualTo(201);
    return new JsonObject(key.body());
  }

  static JsonObject applied(String yaml, String query) {
    Api.Response response = api.applyYaml(yaml, query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.body().startsWith("{") ? new JsonObject(response.body()) : null;
  }
}
