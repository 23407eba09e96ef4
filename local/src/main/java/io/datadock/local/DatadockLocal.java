package io.datadock.local;

import static io.datadock.runtime.config.Setting.DATADOCK_CONFIG;
import static io.datadock.runtime.config.Setting.DATADOCK_GATEWAY_PORT;
import static io.datadock.runtime.config.Setting.DATADOCK_KAFKA_PORT;

import io.datadock.runtime.config.MainConfiguration;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code java -jar datadock-local.jar [--port 8080] [--kafka-port 9092] [--data-dir DIR]}: starts
 * the embedded platform and prints where to reach it. Its services read the same environment
 * variables as when they run alone (the table in {@code docs/operations/deploy.md}); the launcher
 * owns only the data directories, the service token, the resolution URLs and, unless {@code
 * KAFKA_BOOTSTRAP_SERVERS} names a cluster, the broker. {@code --port} and {@code --kafka-port} win
 * over {@code DATADOCK_GATEWAY_PORT} and {@code DATADOCK_KAFKA_PORT}; a bad value exits with status
 * 2 and a line naming the variable.
 */
public final class DatadockLocal {

  private DatadockLocal() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putIfAbsent(DATADOCK_GATEWAY_PORT.variable(), "8080");
    env.putIfAbsent(DATADOCK_KAFKA_PORT.variable(), "9092");
    Path dataDir = Path.of(".datadock", "data");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> env.put(DATADOCK_GATEWAY_PORT.variable(), value(args, ++i, "--port"));
        case "--kafka-port" ->
            env.put(DATADOCK_KAFKA_PORT.variable(), value(args, ++i, "--kafka-port"));
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
        case "-h", "--help" -> {
          System.out.println(
              "usage: java -jar datadock-local.jar [--port 8080] [--kafka-port 9092] [--data-dir DIR]");
          return;
        }
        default -> {
          System.err.println("unknown option " + args[i] + " (try --help)");
          System.exit(MainConfiguration.BAD_CONFIGURATION);
        }
      }
    }
    Path cliConfig =
        env.containsKey(DATADOCK_CONFIG.variable())
            ? Path.of(env.get(DATADOCK_CONFIG.variable()))
            : Path.of(System.getProperty("user.home"), ".datadock", "config.yaml");
    PlatformOptions options =
        PlatformOptions.defaults(dataDir).withEnvironment(env).withCliConfig(cliConfig);
    Platform platform = MainConfiguration.orExit(() -> Platform.start(options));
    Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "datadock-shutdown"));
    try {
      platform.whenReady().get(60, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      System.err.println("Datadock is not ready after 60 s; see /readyz and the log");
    }
    System.out.println();
    System.out.println("Datadock is " + (platform.ready() ? "ready" : "starting (see /readyz)"));
    System.out.println("  gateway:     " + platform.gatewayUrl());
    System.out.println(
        "  console:     " + platform.gatewayUrl() + "/ (sign in with the admin token)");
    System.out.println("  kafka:       " + platform.bootstrapServers());
    if (platform.readerProperties() != null) {
      System.out.println(
          "  consumers:   read the public topics as datadock-reader with the client properties in "
              + platform.readerProperties());
    }
    System.out.println(
        "  resolution:  " + platform.resolutionUrl() + " (secret-service, internal)");
    System.out.println("  admin token: " + platform.adminToken());
    System.out.println("  CLI profile: " + cliConfig);
    System.out.println();
    Thread.currentThread().join();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      System.err.println(option + " needs a value");
      System.exit(MainConfiguration.BAD_CONFIGURATION);
    }
    return args[i];
  }
}
