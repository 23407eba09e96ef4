package io.datadock.runtime.kafka.embedded;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.runtime.kafka.security.ScramCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * The embedded broker's users and their passwords, generated on first start into {@code <kafka
 * dir>/credentials/<user>.password} (readable by the owner only) and never logged: the broker's own
 * user and every {@link KafkaPrincipal}.
 */
public final class BrokerCredentials {

  /** The broker's own user: inter-broker and controller connections, a super user. */
  public static final String BROKER_USER = "datadock-broker";

  private final Path dir;
  private final Map<String, String> passwords;

  private BrokerCredentials(Path dir, Map<String, String> passwords) {
    this.dir = dir;
    this.passwords = Map.copyOf(passwords);
  }

  /** The credentials in {@code dir}, every missing one generated. */
  public static BrokerCredentials loadOrCreate(Path dir) {
    try {
      Files.createDirectories(dir);
      for (String user : users()) {
        Path file = ScramCredentials.file(dir, user);
        if (!Files.exists(file)) {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, newPassword() + "\n");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the broker's credentials in " + dir, e);
    }
    return new BrokerCredentials(dir, ScramCredentials.read(dir));
  }

  /** The broker's own user, then every {@link KafkaPrincipal}'s. */
  static List<String> users() {
    List<String> users = new ArrayList<>(List.of(BROKER_USER));
    for (KafkaPrincipal p : KafkaPrincipal.values()) {
      users.add(p.user());
    }
    return users;
  }

  /** Hex only: the storage formatter's SCRAM arguments and JAAS need no quoting then. */
  private static String newPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  String password(String user) {
    return passwords.get(user);
  }

  /** {@code kafka-storage format --add-scram} arguments: every user, SCRAM-SHA-512. */
  public List<String> formatterArguments() {
    return users().stream()
        .map(u -> "SCRAM-SHA-512=[name=" + u + ",password=" + passwords.get(u) + "]")
        .toList();
  }

  /** Where {@code principal}'s password file is (what {@code KAFKA_SASL_PASSWORD_FILE} names). */
  public Path passwordFile(KafkaPrincipal principal) {
    return ScramCredentials.file(dir, principal.user());
  }

  /** A connection to {@code bootstrapServers} as {@code principal}, over SASL_PLAINTEXT. */
  public KafkaConnection connection(String bootstrapServers, KafkaPrincipal principal) {
    return connection(bootstrapServers, SecurityProtocol.SASL_PLAINTEXT, principal);
  }

  public KafkaConnection connection(
      String bootstrapServers, SecurityProtocol protocol, KafkaPrincipal principal) {
    return KafkaConnection.scram(
        bootstrapServers, protocol, principal.user(), passwords.get(principal.user()));
  }
}
