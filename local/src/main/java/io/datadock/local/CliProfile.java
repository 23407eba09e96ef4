package io.datadock.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes the ready {@code local} profile the {@code datadock} CLI reads. */
final class CliProfile {

  private CliProfile() {}

  static void write(Path configFile, String gatewayUrl, String token) {
    String yaml =
        "current: local\n"
            + "profiles:\n"
            + "  local:\n"
            + "    gateway: "
            + gatewayUrl
            + "\n"
            + "    token: "
            + token
            + "\n";
    try {
      AdminToken.writePrivate(configFile, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CLI config " + configFile, e);
    }
  }
}
