package io.datadock.runtime.kafka.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.runtime.config.Settings;
import io.datadock.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/**
 * The repository's ACL file, read as the brokers will enforce it: who may do what on which topic.
 */
class AclFileTest {

  private static final List<AclBinding> ACLS =
      AclFile.parse(AclFile.text(), KafkaSetup.placeholders(Settings.empty()));

  @Test
  void onlySecretServiceWritesKeysSecretEventsAndAccessRecords() {
    for (var topic : List.of(Topics.SECRET_KEYS, Topics.SECRET_EVENTS, Topics.SECRET_ACCESS)) {
      assertThat(principals(AclOperation.WRITE, topic.name(Topics.DEFAULT_PREFIX)))
          .as(topic.baseName())
          .containsExactly(KafkaPrincipal.SECRET_SERVICE);
    }
  }

  @Test
  void onlyTheGatewayWritesIdentitiesAndScanCommands() {
    for (var topic :
        List.of(
            Topics.IDENTITY_USERS,
            Topics.IDENTITY_API_KEYS,
            Topics.IDENTITY_TENANTS,
            Topics.IDENTITY_GRANTS,
            Topics.CATALOG_SCAN_REQUESTS,
            Topics.AUDIT)) {
      assertThat(principals(AclOperation.WRITE, topic.name(Topics.DEFAULT_PREFIX)))
          .as(topic.baseName())
          .containsExactly(KafkaPrincipal.GATEWAY);
    }
  }

  @Test
  void eachDepotsOneInputIsWrittenByItsThreeWritersAndReadByDepotServiceAlone() {
    String inputs = Topics.DEPOT_COMMANDS.name(Topics.DEFAULT_PREFIX);
    // commands from the gateway, reference replies from secret-service, check results from
    // depot-service's validator
    assertThat(principals(AclOperation.WRITE, inputs))
        .containsExactlyInAnyOrder(
            KafkaPrincipal.GATEWAY, KafkaPrincipal.SECRET_SERVICE, KafkaPrincipal.DEPOT_SERVICE);
    assertThat(principals(AclOperation.READ, inputs)).containsExactly(KafkaPrincipal.DEPOT_SERVICE);
  }

  @Test
  void theLegacyRepliesAndResultsTopicsAreReadByDepotServiceAndWrittenByNobody() {
    for (var topic :
        List.of(Topics.LEGACY_SECRET_REFERENCE_REPLIES, Topics.LEGACY_DEPOT_VALIDATION_RESULTS)) {
      assertThat(principals(AclOperation.WRITE, topic.name(Topics.DEFAULT_PREFIX)))
          .as(topic.baseName())
          .isEmpty();
      assertThat(principals(AclOperation.READ, topic.name(Topics.DEFAULT_PREFIX)))
          .as(topic.baseName())
          .containsExactly(KafkaPrincipal.DEPOT_SERVICE);
    }
  }

  @Test
  void onlyTheGatewayWritesReplayStepsAndOnlyTheServicesAnswer() {
    assertThat(principals(AclOperation.WRITE, Topics.REPLAY_CONTROL.name(Topics.DEFAULT_PREFIX)))
        .containsExactly(KafkaPrincipal.GATEWAY);
    assertThat(principals(AclOperation.WRITE, Topics.REPLAY_ANSWERS.name(Topics.DEFAULT_PREFIX)))
        .containsExactlyInAnyOrder(
            KafkaPrincipal.SECRET_SERVICE,
            KafkaPrincipal.DEPOT_SERVICE,
            KafkaPrincipal.CATALOG_SCANNER);
    assertThat(principals(AclOperation.READ, Topics.REPLAY_ANSWERS.name(Topics.DEFAULT_PREFIX)))
        .containsExactly(KafkaPrincipal.GATEWAY);
  }

  @Test
  void secretCommandsAreReadBySecretServiceAloneAndWrittenByItAndTheGatewayNotByDepotService() {
    String commands = Topics.SECRET_COMMANDS.name(Topics.DEFAULT_PREFIX);
    assertThat(principals(AclOperation.READ, commands))
        .containsExactly(KafkaPrincipal.SECRET_SERVICE);
    // secret-service re-seals after a key rotation by sending itself commands, and appends
    // depot-service's reference requests there itself: depot-service does not write it
    assertThat(principals(AclOperation.WRITE, commands))
        .containsExactlyInAnyOrder(KafkaPrincipal.GATEWAY, KafkaPrincipal.SECRET_SERVICE);
  }

  @Test
  void theScannerReadsNoSecretTopic() {
    Set<String> read =
        ACLS.stream()
            .filter(a -> a.entry().principal().equals("User:datadock-catalog-scanner"))
            .filter(a -> a.entry().operation() == AclOperation.READ)
            .filter(a -> a.pattern().resourceType() == ResourceType.TOPIC)
            .map(a -> a.pattern().name())
            .collect(Collectors.toSet());
    assertThat(read).isNotEmpty().noneMatch(t -> t.startsWith("datadock.secret."));
  }

  @Test
  void theReaderOnlyReadsAndDescribes() {
    assertThat(
            ACLS.stream()
                .filter(a -> a.entry().principal().equals("User:datadock-reader"))
                .map(a -> a.entry().operation())
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(AclOperation.READ, AclOperation.DESCRIBE);
  }

  @Test
  void placeholdersTakeTheDeploymentsPrefixAndApplicationIds() {
    List<AclBinding> acls =
        AclFile.parse(
            "datadock-depot-service READ group prefixed ${depot-app}\n",
            Map.of("depot-app", "depots-blue"));
    assertThat(acls).hasSize(1);
    assertThat(acls.get(0).pattern().name()).isEqualTo("depots-blue");
    assertThat(acls.get(0).pattern().patternType()).isEqualTo(PatternType.PREFIXED);
  }

  @Test
  void aBadLineIsNamedWithWhatIsWrong() {
    assertThatThrownBy(() -> AclFile.parse("# c\nu READ table literal x\n", Map.of()))
        .hasMessage(
            "kafka-acls.txt line 2: resource must be topic, group or transactional-id: table");
    assertThatThrownBy(() -> AclFile.parse("u FLY topic literal x\n", Map.of()))
        .hasMessage("kafka-acls.txt line 1: not a Kafka ACL operation: FLY");
    assertThatThrownBy(() -> AclFile.parse("u READ topic literal ${nope}x\n", Map.of()))
        .hasMessage("kafka-acls.txt line 1: unknown placeholder ${nope}");
    assertThatThrownBy(() -> AclFile.parse("u READ topic\n", Map.of()))
        .hasMessageContaining("line 1: expected <user> <operations> <resource> <pattern> <name>");
  }

  /** Who may do {@code operation} on {@code topic}, by a literal or a prefixed ACL. */
  private static Set<KafkaPrincipal> principals(AclOperation operation, String topic) {
    return ACLS.stream()
        .filter(a -> a.pattern().resourceType() == ResourceType.TOPIC)
        .filter(
            a -> a.entry().operation() == operation || a.entry().operation() == AclOperation.ALL)
        .filter(
            a ->
                a.pattern().patternType() == PatternType.LITERAL
                    ? a.pattern().name().equals(topic)
                    : topic.startsWith(a.pattern().name()))
        .map(a -> principal(a.entry().principal()))
        .collect(Collectors.toSet());
  }

  private static KafkaPrincipal principal(String name) {
    for (KafkaPrincipal p : KafkaPrincipal.values()) {
      if (name.equals("User:" + p.user())) {
        return p;
      }
    }
    throw new AssertionError("unknown principal " + name);
  }
}
