package io.datadock.local;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of the integration tests that share one embedded platform per test class. */
abstract class PlatformIT {

  @TempDir static Path dataDir;
  static Platform platform;
  static Api api;

  @BeforeAll
  static void startPlatform() {
    platform = RunningPlatform.start(dataDir);
    api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
      platform = null;
    }
  }
}
