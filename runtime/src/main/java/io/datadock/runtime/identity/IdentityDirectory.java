package io.datadock.runtime.identity;

import io.datadock.core.identity.ApiKeys;
import io.datadock.core.identity.Principal;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicTail;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.identity.ApiKey;
import io.datadock.schemas.identity.GranteeKind;
import io.datadock.schemas.identity.ReferenceGrant;
import io.datadock.schemas.identity.Tenant;
import io.datadock.schemas.identity.User;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Users, API keys and tenants as they stand on their compacted topics, and the verification of API
 * keys against them. Read by the gateway and by secret-service; a revoked or expired key stops
 * working as soon as its record is read (no cache of verified tokens).
 */
public final class IdentityDirectory implements AutoCloseable {

  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
  private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
  private final Map<String, ReferenceGrant> grants = new ConcurrentHashMap<>();
  private final List<TopicTail<String, ?>> tails;
  private final Clock clock;

  public IdentityDirectory(KafkaConnection kafka, String topicPrefix, Clock clock) {
    this.clock = clock;
    this.tails =
        List.of(
            tail(kafka, topicPrefix, Topics.IDENTITY_USERS, r -> put(users, r)),
            tail(kafka, topicPrefix, Topics.IDENTITY_API_KEYS, r -> put(keys, r)),
            tail(kafka, topicPrefix, Topics.IDENTITY_TENANTS, r -> put(tenants, r)),
            tail(kafka, topicPrefix, Topics.IDENTITY_GRANTS, r -> put(grants, r)));
  }

  private static <V> void put(Map<String, V> map, ConsumerRecord<String, V> record) {
    if (record.value() == null) {
      map.remove(record.key());
    } else {
      map.put(record.key(), record.value());
    }
  }

  private static <V> TopicTail<String, V> tail(
      KafkaConnection kafka,
      String prefix,
      Topic<String, V> topic,
      Consumer<ConsumerRecord<String, V>> h) {
    return new TopicTail<>(
        KafkaSettings.consumer(kafka, null),
        topic.name(prefix),
        topic.keySerde().deserializer(),
        topic.valueSerde().deserializer(),
        TopicTail.From.BEGINNING,
        h);
  }

  public IdentityDirectory start() {
    tails.forEach(TopicTail::start);
    return this;
  }

  public CompletableFuture<Void> caughtUp() {
    return CompletableFuture.allOf(
        tails.stream().map(TopicTail::caughtUp).toArray(CompletableFuture[]::new));
  }

  /** Completes once everything written to the identity topics before this call is read. */
  public CompletableFuture<Void> sync() {
    return CompletableFuture.allOf(
        tails.stream().map(TopicTail::sync).toArray(CompletableFuture[]::new));
  }

  /** The principal an API key token stands for: empty when unknown, expired or revoked. */
  public Optional<Principal> verify(String token) {
    return ApiKeys.parse(token)
        .flatMap(
            presented -> {
              ApiKey key = keys.get(presented.keyId());
              if (key == null
                  || key.getRevokedAt() != null
                  || (key.getExpiresAt() != null && key.getExpiresAt() <= clock.millis())
                  || !ApiKeys.matches(presented.secret(), key.getHash())) {
                return Optional.empty();
              }
              return user(key.getUserId()).map(IdentityDirectory::principal);
            });
  }

  /** Whether {@code token} has the shape of an API key whose record this directory has not read. */
  public boolean mayNotHaveRead(String token) {
    return ApiKeys.parse(token).map(p -> !keys.containsKey(p.keyId())).orElse(false);
  }

  public static Principal principal(User user) {
    return new Principal(
        user.getId(),
        user.getName(),
        user.getType(),
        new HashSet<>(user.getTenants()),
        new HashSet<>(user.getTags()),
        new HashSet<>(user.getUseCases()));
  }

  /** The user with this id, unless they were removed. */
  public Optional<User> user(String id) {
    return Optional.ofNullable(users.get(id)).filter(u -> u.getRemovedAt() == null);
  }

  /**
   * When the user who had this id was removed, if one was: an id names one user for good, so the
   * resources, grants and audit records naming it never pass to someone given it later.
   */
  public Optional<Long> removedAt(String id) {
    return Optional.ofNullable(users.get(id)).map(User::getRemovedAt);
  }

  /** The users who were not removed, by id. */
  public List<User> users() {
    return users.values().stream()
        .filter(u -> u.getRemovedAt() == null)
        .sorted(Comparator.comparing(User::getId))
        .toList();
  }

  public List<ApiKey> keysOf(String userId) {
    return keys.values().stream()
        .filter(k -> k.getUserId().equals(userId))
        .sorted(Comparator.comparing(ApiKey::getCreatedAt))
        .toList();
  }

  public Optional<ApiKey> key(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  public boolean tenantExists(String name) {
    return tenants.containsKey(name);
  }

  public List<Tenant> tenants() {
    return tenants.values().stream().sorted(Comparator.comparing(Tenant::getName)).toList();
  }

  /** The grants a tenant has given and not withdrawn, ordered by grantee and secret. */
  public List<ReferenceGrant> grantsOf(String owner) {
    return grants.values().stream()
        .filter(g -> g.getOwner().equals(owner) && g.getRevokedAt() == null)
        .sorted(
            Comparator.comparing(ReferenceGrant::getGrantee)
                .thenComparing(ReferenceGrant::getSecret))
        .toList();
  }

  /** The grants given to a user or a tenant and not withdrawn, by any tenant. */
  public List<ReferenceGrant> grantsTo(GranteeKind kind, String grantee) {
    return grants.values().stream()
        .filter(
            g ->
                g.getGranteeKind() == kind
                    && g.getGrantee().equals(grantee)
                    && g.getRevokedAt() == null)
        .sorted(
            Comparator.comparing(ReferenceGrant::getOwner).thenComparing(ReferenceGrant::getSecret))
        .toList();
  }

  @Override
  public void close() {
    tails.forEach(TopicTail::close);
  }
}
