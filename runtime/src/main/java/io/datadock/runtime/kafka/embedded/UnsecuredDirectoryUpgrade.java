package io.datadock.runtime.kafka.embedded;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * Adds the users' SCRAM credentials to a broker directory formatted without them (by a launcher
 * from before Kafka authentication), so that the secured broker can start on it with every topic
 * kept. The caller runs the directory's broker as it was (PLAINTEXT, no authorizer, on loopback)
 * for the time of {@link #addCredentials}; nobody else knows its port meanwhile.
 */
final class UnsecuredDirectoryUpgrade {

  /** Kafka's minimum for SCRAM-SHA-512, and what {@code kafka-storage format} uses. */
  private static final int ITERATIONS = 4096;

  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);

  private UnsecuredDirectoryUpgrade() {}

  /**
   * Upserts every user's credential (the broker's own user included) and returns once the broker
   * describes them all.
   */
  static void addCredentials(String plainBootstrapServers, BrokerCredentials credentials) {
    List<String> users = BrokerCredentials.users();
    List<UserScramCredentialAlteration> upsertions =
        users.stream()
            .<UserScramCredentialAlteration>map(
                u ->
                    new UserScramCredentialUpsertion(
                        u,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS),
                        credentials.password(u)))
            .toList();
    try (Admin admin =
        Admin.create(KafkaSettings.admin(KafkaConnection.plain(plainBootstrapServers)))) {
      admin.alterUserScramCredentials(upsertions).all().get(30, TimeUnit.SECONDS);
      awaitDescribed(admin, users);
    } catch (ExecutionException | TimeoutException e) {
      // The cause names the failure; the upsertions (which hold the passwords) are never shown.
      throw new IllegalStateException("cannot add the SCRAM credentials to the broker: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted adding the SCRAM credentials", e);
    }
  }

  /** The controller has committed them; the broker's metadata image may lag a moment behind. */
  private static void awaitDescribed(Admin admin, List<String> users)
      throws ExecutionException, TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
    while (!admin
        .describeUserScramCredentials()
        .users()
        .get(10, TimeUnit.SECONDS)
        .containsAll(users)) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(
            "the broker does not describe every user within " + VISIBLE_WITHIN);
      }
      Thread.sleep(50);
    }
  }
}
