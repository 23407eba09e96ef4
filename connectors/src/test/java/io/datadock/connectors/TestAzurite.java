package io.datadock.connectors;

import static org.awaitility.Awaitility.await;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.datadock.connectors.objectstore.azure.GatedHttpClient;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Azurite (Microsoft's Azure Storage emulator, npm package {@code azurite}) for tests: its Blob
 * service on 127.0.0.1 and a free port, in memory, with one account whose key is made here, started
 * as a child process and stopped by its pid. {@code azurite-blob} is looked for on the PATH, in
 * {@code $DATADOCK_AZURITE_HOME/node_modules/.bin} and in {@code
 * ~/.cache/datadock-azurite/node_modules/.bin} (where {@code .ci/run} installs it). Without it the
 * tests are skipped, saying how to install it, unless {@code DATADOCK_AZURITE_TESTS=required} (CI),
 * where they fail.
 */
public final class TestAzurite implements AutoCloseable {

  public static final String ACCOUNT = "datadocktest";

  /** This run's account key: 64 random bytes, as Azure's are. */
  public static final String KEY = randomKey();

  private static final String MISSING =
      "the Azure tests need Azurite's azurite-blob (npm install --prefix"
          + " ~/.cache/datadock-azurite azurite, or DATADOCK_AZURITE_HOME)";

  private final Process process;
  private final int port;
  private final BlobServiceClient client;
  private final GatedHttpClient http;

  private TestAzurite(Process process, int port) {
    this.process = process;
    this.port = port;
    this.http =
        new GatedHttpClient(
            TestEgress.local().gate(), port, Deadline.after(Duration.ofMinutes(30)));
    this.client =
        new BlobServiceClientBuilder()
            .endpoint(endpoint() + "/" + ACCOUNT)
            .credential(new StorageSharedKeyCredential(ACCOUNT, KEY))
            .httpClient(http)
            .buildClient();
  }

  /** Azurite, or the test skipped when it is not installed (failed when it is required). */
  public static TestAzurite start(Path dir) throws IOException {
    TestAzurite azurite = startIfInstalled(dir);
    Assumptions.assumeTrue(azurite != null, MISSING);
    return azurite;
  }

  /**
   * Azurite, or null when it is not installed and not required (for a class whose other tests must
   * run without it: they then call {@link #assumeRunning}).
   */
  public static TestAzurite startIfInstalled(Path dir) throws IOException {
    Path executable = find().orElse(null);
    if (executable == null) {
      if ("required".equals(System.getenv("DATADOCK_AZURITE_TESTS"))) {
        throw new IllegalStateException(MISSING);
      }
      return null;
    }
    int port = freePort();
    List<String> command =
        List.of(
            executable.toString(),
            "--blobHost",
            "127.0.0.1",
            "--blobPort",
            String.valueOf(port),
            "--inMemoryPersistence",
            "--extentMemoryLimit",
            "64",
            // Azurite sends usage telemetry to Microsoft unless told not to: tests stay on loopback
            "--disableTelemetry",
            "--skipApiVersionCheck",
            "--disableProductStyleUrl",
            "--silent");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("azurite.log").toFile());
    builder.environment().put("AZURITE_ACCOUNTS", ACCOUNT + ":" + KEY);
    Process process = builder.start();
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> !process.isAlive() || listening(port));
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "azurite-blob exited: " + Files.readString(dir.resolve("azurite.log")));
      }
      return new TestAzurite(process, port);
    } catch (RuntimeException e) {
      stop(process);
      throw e;
    }
  }

  /** Skips the calling test when {@link #startIfInstalled} found no Azurite. */
  public static void assumeRunning(TestAzurite azurite) {
    Assumptions.assumeTrue(azurite != null, MISSING);
  }

  /** {@code http://127.0.0.1:<port>}: what a depot's {@code endpoint} names. */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public BlobContainerClient createContainer(String name) {
    return client.createBlobContainer(name);
  }

  public void put(String container, String blob, byte[] content) {
    client
        .getBlobContainerClient(container)
        .getBlobClient(blob)
        .upload(BinaryData.fromBytes(content), true);
  }

  /**
   * A service SAS for {@code container}, signed with the account key: {@code permissions} as "rl".
   */
  public String containerSas(String container, String permissions) {
    return client
        .getBlobContainerClient(container)
        .generateSas(
            new BlobServiceSasSignatureValues(
                OffsetDateTime.now().plusHours(1), BlobContainerSasPermission.parse(permissions)));
  }

  @Override
  public void close() throws IOException {
    http.close();
    stop(process);
  }

  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<Path> find() {
    List<Path> dirs = new ArrayList<>();
    Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
        .filter(d -> !d.isBlank())
        .map(Path::of)
        .forEach(dirs::add);
    Optional.ofNullable(System.getenv("DATADOCK_AZURITE_HOME"))
        .map(home -> Path.of(home, "node_modules", ".bin"))
        .ifPresent(dirs::add);
    dirs.add(
        Path.of(
            System.getProperty("user.home"), ".cache", "datadock-azurite", "node_modules", ".bin"));
    return dirs.stream()
        .map(d -> d.resolve("azurite-blob"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String randomKey() {
    byte[] key = new byte[64];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
