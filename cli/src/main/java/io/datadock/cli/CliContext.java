package io.datadock.cli;

import io.datadock.cli.config.ConfigFile;
import io.datadock.cli.config.Profile;
import io.datadock.cli.http.GatewayClient;
import io.datadock.cli.output.Log;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every command runs with: the config file's path, the environment, the output streams and the
 * log. Injected so that tests run commands with their own config file and environment.
 */
public final class CliContext {

  private final Path configPath;
  private final Map<String, String> env;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Log log;

  public CliContext(Path configPath, Map<String, String> env, PrintWriter out, PrintWriter err) {
    this.configPath = configPath;
    this.env = Map.copyOf(env);
    this.out = out;
    this.err = err;
    this.log = new Log(err, System.nanoTime());
  }

  /** The config path from {@code DATADOCK_CONFIG}, else {@code ~/.datadock/config.yaml}. */
  public static Path defaultConfigPath(Map<String, String> env) {
    String override = env.get("DATADOCK_CONFIG");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    return Path.of(System.getProperty("user.home"), ".datadock", "config.yaml");
  }

  public Path configPath() {
    return configPath;
  }

  public Map<String, String> env() {
    return env;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  public Log log() {
    return log;
  }

  /** The current profile with the environment's overrides applied. */
  public Profile profile() {
    return ConfigFile.load(configPath).current().withEnvironment(env).requireComplete();
  }

  /** A client for the current profile's gateway. */
  public GatewayClient client() {
    return new GatewayClient(profile());
  }
}
