package io.datadock.local;

import static org.awaitility.Awaitility.await;

import io.datadock.runtime.config.Setting;
import java.nio.file.Path;
import java.time.Duration;

/** Starts the embedded platform for a test and waits until {@code /readyz} would say ready. */
final class RunningPlatform {

  static final String ADMIN_TOKEN = "it-admin-token-0123456789";

  private RunningPlatform() {}

  static Platform start(Path dataDir) {
    return start(PlatformOptions.defaults(dataDir));
  }

  static Platform start(PlatformOptions options) {
    PlatformOptions withToken =
        options.settings().isSet(Setting.DATADOCK_ADMIN_TOKEN)
            ? options
            : options.withAdminToken(ADMIN_TOKEN);
    Platform platform =
        Platform.start(withToken.withCliConfig(options.dataDir().resolve("cli-config.yaml")));
    await().atMost(Duration.ofSeconds(90)).until(platform::ready);
    return platform;
  }
}
