package io.datadock.runtime.kafka.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * Users' SCRAM passwords kept as a directory of {@code <user>.password} files, one line each (how
 * the launcher keeps them in its data directory and how a deployment mounts them).
 */
public final class ScramCredentials {

  public static final String SUFFIX = ".password";

  /** Kafka's minimum iterations for SCRAM-SHA-512: each login costs that many hashes. */
  private static final int ITERATIONS = 4096;

  private ScramCredentials() {}

  /** The passwords of every {@code <user>.password} file in {@code dir}, by user. */
  public static Map<String, String> read(Path dir) {
    Map<String, String> passwords = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(SUFFIX)).toList()) {
        String name = file.getFileName().toString();
        passwords.put(
            name.substring(0, name.length() - SUFFIX.length()), Files.readString(file).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the credentials in " + dir, e);
    }
    return passwords;
  }

  /** Where {@code user}'s password is, in {@code dir}. */
  public static Path file(Path dir, String user) {
    return dir.resolve(user + SUFFIX);
  }

  static List<UserScramCredentialAlteration> upsertions(Map<String, String> passwords) {
    return passwords.entrySet().stream()
        .<UserScramCredentialAlteration>map(
            e ->
                new UserScramCredentialUpsertion(
                    e.getKey(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS),
                    e.getValue()))
        .toList();
  }
}
