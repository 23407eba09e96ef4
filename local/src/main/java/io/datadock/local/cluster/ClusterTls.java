package io.datadock.local.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * TLS material for a cluster on loopback, made with the JDK's {@code keytool}: one key pair whose
 * certificate names 127.0.0.1 and localhost (every node listens there), in a PKCS12 store for the
 * brokers, and that certificate as PEM for the clients to trust ({@code KAFKA_SSL_CA_FILE}).
 * Self-signed: the clients verify the brokers' host name and certificate, which is what TLS between
 * clients and brokers needs here; a deployment's CA is {@code deploy/kafka/certs.sh}.
 */
public record ClusterTls(Path keyStore, String keyStorePassword, Path caPem) {

  /** Makes the material in {@code dir}. */
  public static ClusterTls create(Path dir) {
    try {
      Files.createDirectories(dir);
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      String password = HexFormat.of().formatHex(random);
      Path store = dir.resolve("broker.p12");
      Path pem = dir.resolve("ca.pem");
      keytool(
          "-genkeypair",
          "-alias",
          "broker",
          "-dname",
          "CN=localhost",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-validity",
          "2",
          "-ext",
          "SAN=ip:127.0.0.1,dns:localhost",
          "-keystore",
          store.toString(),
          "-storetype",
          "PKCS12",
          "-storepass",
          password);
      keytool(
          "-exportcert",
          "-rfc",
          "-alias",
          "broker",
          "-keystore",
          store.toString(),
          "-storepass",
          password,
          "-file",
          pem.toString());
      return new ClusterTls(store, password, pem);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the cluster's TLS material in " + dir, e);
    }
  }

  private static void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool " + args[0] + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while running keytool", e);
    }
  }
}
