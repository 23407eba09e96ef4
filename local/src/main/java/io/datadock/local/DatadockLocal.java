package io.datadock.local;

import io.datadock.connectors.egress.Cidr;
import io.datadock.connectors.egress.EgressSettings;
import io.datadock.connectors.egress.FileRoots;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code java -jar datadock-local.jar [--port 8080] [--kafka-port 9092] [--data-dir DIR]}: starts
 * the embedded platform and prints where to reach it. Checks and scans follow {@code
 * DATADOCK_EGRESS_ALLOW}, {@code DATADOCK_EGRESS_DENY} (comma-separated CIDR ranges; loopback and
 * private ranges are allowed unless denied) and {@code DATADOCK_FILE_ROOTS} (comma-separated
 * directories; default {@code <data dir>/files}).
 */
public final class DatadockLocal {

  private DatadockLocal() {}

  public static void main(String[] args) throws InterruptedException {
    int port = 8080;
    int kafkaPort = 9092;
    Path dataDir = Path.of(".datadock", "data");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
        case "--kafka-port" -> kafkaPort = Integer.parseInt(value(args, ++i, "--kafka-port"));
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
        case "-h", "--help" -> {
          System.out.println(
              "usage: java -jar datadock-local.jar [--port 8080] [--kafka-port 9092] [--data-dir DIR]");
          return;
        }
        default -> {
          System.err.println("unknown option " + args[i] + " (try --help)");
          System.exit(2);
        }
      }
    }
    Path cliConfig =
        System.getenv("DATADOCK_CONFIG") != null
            ? Path.of(System.getenv("DATADOCK_CONFIG"))
            : Path.of(System.getProperty("user.home"), ".datadock", "config.yaml");
    PlatformOptions options =
        PlatformOptions.defaults(dataDir)
            .withPorts(port, kafkaPort)
            .withAdminToken(System.getenv("DATADOCK_ADMIN_TOKEN"))
            .withCliConfig(cliConfig)
            .withConnectors(connectorSettings());
    Platform platform = Platform.start(options);
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
    System.out.println(
        "  resolution:  " + platform.resolutionUrl() + " (secret-service, internal)");
    System.out.println("  admin token: " + platform.adminToken());
    System.out.println("  CLI profile: " + cliConfig);
    System.out.println();
    Thread.currentThread().join();
  }

  /** The egress lists and file roots from the environment; exits naming a bad entry. */
  private static PlatformOptions.ConnectorSettings connectorSettings() {
    try {
      List<String> allow = list(EgressSettings.ALLOW_ENV);
      List<String> deny = list(EgressSettings.DENY_ENV);
      return new PlatformOptions.ConnectorSettings(
          allow, deny, FileRoots.parse(System.getenv(EgressSettings.FILE_ROOTS_ENV)));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return null;
    }
  }

  private static List<String> list(String variable) {
    try {
      return Cidr.parseList(System.getenv(variable)).stream().map(Cidr::toString).toList();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(variable + ": " + e.getMessage());
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      System.err.println(option + " needs a value");
      System.exit(2);
    }
    return args[i];
  }
}
