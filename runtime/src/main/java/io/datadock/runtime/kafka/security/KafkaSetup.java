package io.datadock.runtime.kafka.security;

import static io.datadock.runtime.config.Setting.DATADOCK_DEPOT_APPLICATION_ID;
import static io.datadock.runtime.config.Setting.DATADOCK_SCANNER_GROUP;
import static io.datadock.runtime.config.Setting.DATADOCK_SECRET_APPLICATION_ID;
import static io.datadock.runtime.config.Setting.DATADOCK_TOPIC_PREFIX;

import io.datadock.runtime.config.Settings;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicLayout;
import io.datadock.runtime.kafka.TopicProvisioner;
import io.datadock.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a Kafka cluster for Datadock, as its operator: the topics, the SCRAM credentials of the
 * principals (when given a directory of password files) and the ACLs of {@code kafka-acls.txt}.
 * Idempotent; the launcher runs it on its embedded broker at every start.
 *
 * <pre>
 * KAFKA_BOOTSTRAP_SERVERS=... KAFKA_SECURITY_PROTOCOL=SASL_SSL KAFKA_SASL_USERNAME=datadock-operator \
 *   KAFKA_SASL_PASSWORD_FILE=... java -cp datadock-local.jar \
 *   io.datadock.runtime.kafka.security.KafkaSetup [credentials-dir]
 * </pre>
 */
public final class KafkaSetup {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSetup.class);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private KafkaSetup() {}

  public static void main(String[] args) {
    Settings settings = Settings.of(System.getenv());
    KafkaConnection operator = KafkaConnection.from(settings);
    if (args.length > 0) {
      createCredentials(operator, ScramCredentials.read(Path.of(args[0])));
    }
    apply(operator, settings);
  }

  /** Creates the missing topics and the ACLs, and waits until the brokers enforce them. */
  public static void apply(KafkaConnection operator, Settings settings) {
    List<AclBinding> acls = AclFile.parse(AclFile.text(), placeholders(settings));
    String prefix = settings.string(DATADOCK_TOPIC_PREFIX);
    try (Admin admin = Admin.create(KafkaSettings.admin(operator))) {
      // ACLs first: the broker publishes them at once, where after the topics it would publish
      // them only once every new partition's log exists (a second on the embedded broker)
      admin.createAcls(acls).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      awaitEnforced(admin, acls);
      TopicLayout layout = TopicLayout.from(settings);
      TopicProvisioner.ensureTopics(
          admin, prefix, layout.partitions(), layout.replicationFactor(), Topics.ALL);
      LOG.info("kafka setup applied acls={} prefix={}", acls.size(), prefix);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot apply " + AclFile.RESOURCE + " to " + operator, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while applying ACLs", e);
    }
  }

  /** Adds or replaces each user's SCRAM-SHA-512 credential. */
  public static void createCredentials(KafkaConnection operator, Map<String, String> passwords) {
    try (Admin admin = Admin.create(KafkaSettings.admin(operator))) {
      admin
          .alterUserScramCredentials(ScramCredentials.upsertions(passwords))
          .all()
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      LOG.info("kafka setup stored credentials users={}", passwords.keySet());
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot store SCRAM credentials on " + operator, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing credentials", e);
    }
  }

  /** The ACL file's placeholders, from the deployment's settings. */
  public static Map<String, String> placeholders(Settings settings) {
    return Map.of(
        "prefix", settings.string(DATADOCK_TOPIC_PREFIX),
        "secret-app", settings.string(DATADOCK_SECRET_APPLICATION_ID),
        "depot-app", settings.string(DATADOCK_DEPOT_APPLICATION_ID),
        "scanner-group", settings.string(DATADOCK_SCANNER_GROUP));
  }

  /**
   * ACLs are created on the controller; a service started before its broker has them would fail its
   * first requests, so this waits until the broker describes every one.
   */
  private static void awaitEnforced(Admin admin, List<AclBinding> acls)
      throws ExecutionException, InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Set<AclBinding> wanted = new HashSet<>(acls);
    while (true) {
      Set<AclBinding> present =
          new HashSet<>(
              admin
                  .describeAcls(AclBindingFilter.ANY)
                  .values()
                  .get(WAIT.toSeconds(), TimeUnit.SECONDS));
      if (present.containsAll(wanted)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("the broker does not show the ACLs just created");
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }
}
