package io.datadock.cli;

import static org.awaitility.Awaitility.await;

import io.datadock.local.Platform;
import io.datadock.local.PlatformOptions;
import java.nio.file.Path;
import java.time.Duration;

/** Starts the real embedded platform for the CLI's integration tests, with a fixed admin token. */
final class EmbeddedPlatform {

  static final String ADMIN_TOKEN = "cli-it-admin-token-0123456789";

  private EmbeddedPlatform() {}

  /** Starts it; the platform writes its CLI profile to {@code cliConfig}. */
  static Platform start(Path dataDir, Path cliConfig) {
    Platform platform =
        Platform.start(
            PlatformOptions.defaults(dataDir).withAdminToken(ADMIN_TOKEN).withCliConfig(cliConfig));
    await().atMost(Duration.ofSeconds(90)).until(platform::ready);
    return platform;
  }
}
