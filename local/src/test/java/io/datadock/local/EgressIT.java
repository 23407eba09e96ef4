package io.datadock.local;

import static io.datadock.local.SecretApiIT.firstResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.runtime.config.Setting;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The egress policy end to end: the platform runs with {@code 127.0.0.2/32} denied and one file
 * root. A depot at a denied address, at one of the platform's own listeners, or at a path outside
 * the roots fails its check at {@code reach host} with the policy's message, its credentials are
 * never resolved, and nothing connects to the denied listener.
 */
class EgressIT {

  @TempDir static Path dataDir;
  @TempDir static Path fileRoot;
  @TempDir static Path outside;
  static Platform platform;
  static Api api;
  static ServerSocket denied;
  static final AtomicInteger accepted = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    denied = new ServerSocket();
    denied.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
    Thread acceptor =
        new Thread(
            () -> {
              while (!denied.isClosed()) {
                try (Socket ignored = denied.accept()) {
                  accepted.incrementAndGet();
                } catch (IOException e) {
                  return; // closed
                }
              }
            },
            "egress-it-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    platform =
        RunningPlatform.start(
            PlatformOptions.defaults(dataDir)
                .with(Setting.DATADOCK_EGRESS_DENY, "127.0.0.2/32")
                .with(Setting.DATADOCK_FILE_ROOTS, fileRoot));
    api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
    api.applyYaml(DepotIT.secret("egress-cred", "reader", "egress-pw-7731"), "");
  }

  @AfterAll
  static void stop() throws IOException {
    if (platform != null) {
      platform.close();
    }
    if (denied != null) {
      denied.close();
    }
  }

  @Test
  void aDepotAtADeniedAddressFailsAtReachHostWithoutResolvingItsCredentials() {
    JsonObject depot = applyAndWait(postgresDepot("pg-denied", "127.0.0.2", denied.getLocalPort()));

    assertThat(depot.getString("status")).as(depot.encode()).isEqualTo("error");
    JsonObject reach = step(depot, "reach host");
    assertThat(reach.getString("status")).isEqualTo("failed");
    assertThat(reach.getString("message")).isEqualTo("egress denied: 127.0.0.2 is in 127.0.0.2/32");
    assertThat(steps(depot).stream().map(JsonObject.class::cast))
        .noneMatch(
            s ->
                s.getString("name").equals("resolve credentials")
                    && s.getString("status").equals("passed"));
    assertThat(accepted.get()).isZero();
  }

  @Test
  void depotsAtThePlatformsOwnListenersAreDenied() {
    int kafka = port(platform.bootstrapServers());
    int resolution = URI.create(platform.resolutionUrl()).getPort();
    int gateway = URI.create(platform.gatewayUrl()).getPort();

    assertDenied(
        postgresDepot("pg-at-kafka", "127.0.0.1", kafka),
        "egress denied: 127.0.0.1:" + kafka + " is the platform's own listener (kafka)");
    assertDenied(
        postgresDepot("pg-at-resolution", "127.0.0.1", resolution),
        "egress denied: 127.0.0.1:"
            + resolution
            + " is the platform's own listener (secret-service resolution)");
    assertDenied(
        postgresDepot("pg-at-gateway", "127.0.0.1", gateway),
        "egress denied: 127.0.0.1:" + gateway + " is the platform's own listener (gateway)");
    assertDenied(
        """
        name: kafka-at-platform
        version: v2alpha
        type: depot
        spec:
          type: kafka
          spec: {brokers: ["%s"]}
          secrets: [{id: "default:egress-cred", purpose: rw}]
        """
            .formatted(platform.bootstrapServers()),
        "egress denied: 127.0.0.1:" + kafka + " is the platform's own listener (kafka)");
  }

  @Test
  void fileDepotsOutsideTheRootsAreErrorsAndInsideThemActive() throws IOException {
    Files.writeString(outside.resolve("secret.csv"), "a\n1\n");
    Files.createDirectories(fileRoot.resolve("inside"));
    Files.writeString(fileRoot.resolve("inside/orders.csv"), "id\n1\n");
    Path link = Files.createSymbolicLink(fileRoot.resolve("way-out"), outside);

    assertDenied(
        fileDepot("files-outside", outside),
        "path " + outside.toAbsolutePath() + " is outside the allowed file roots");
    assertDenied(
        fileDepot("files-via-link", link),
        "path " + link.toAbsolutePath() + " is outside the allowed file roots");
    JsonObject inside = applyAndWait(fileDepot("files-inside", fileRoot.resolve("inside")));
    assertThat(inside.getString("status")).as(inside.encode()).isEqualTo("active");
  }

  private static void assertDenied(String yaml, String message) {
    JsonObject depot = applyAndWait(yaml);
    assertThat(depot.getString("status")).as(depot.encode()).isEqualTo("error");
    JsonObject reach = step(depot, "reach host");
    assertThat(reach.getString("status")).isEqualTo("failed");
    assertThat(reach.getString("message")).isEqualTo(message);
  }

  private static String postgresDepot(String name, String host, int port) {
    return """
        name: %s
        version: v2alpha
        type: depot
        spec:
          type: postgres
          spec: {host: "%s", port: %d, database: orders}
          secrets: [{id: "default:egress-cred", purpose: rw}]
        """
        .formatted(name, host, port);
  }

  private static String fileDepot(String name, Path path) {
    return """
        name: %s
        version: v2alpha
        type: depot
        spec:
          type: file
          spec: {path: "%s"}
        """
        .formatted(name, path.toAbsolutePath());
  }

  /** Applies and returns the depot as read back, with its check's details. */
  private static JsonObject applyAndWait(String yaml) {
    JsonObject applied = firstResult(api.applyYaml(yaml, "?wait=true"));
    Api.Response got = api.get("/api/v1/resources/depot/" + applied.getString("name"));
    assertThat(got.status()).as(got.body()).isEqualTo(200);
    return new JsonObject(got.body());
  }

  private static JsonArray steps(JsonObject depot) {
    return depot.getJsonObject("details").getJsonObject("check").getJsonArray("steps");
  }

  private static JsonObject step(JsonObject depot, String name) {
    return steps(depot).stream()
        .map(JsonObject.class::cast)
        .filter(s -> s.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + name + " in " + steps(depot)));
  }

  private static int port(String hostPort) {
    return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
  }
}
