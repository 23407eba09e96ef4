package io.datadock.gateway.identity;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicWriter;
import io.datadock.schemas.GrantKeys;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.identity.ApiKey;
import io.datadock.schemas.identity.AuditRecord;
import io.datadock.schemas.identity.ReferenceGrant;
import io.datadock.schemas.identity.Tenant;
import io.datadock.schemas.identity.User;
import java.util.concurrent.CompletableFuture;

/**
 * Writes identity state (users, API key hashes, tenants) to its compacted topics, and audit
 * records. The gateway owns these topics; each write completes on the broker's ack.
 */
public final class IdentityWriter implements AutoCloseable {

  private final TopicWriter writer;

  public IdentityWriter(KafkaConnection kafka, String topicPrefix) {
    this.writer =
        new TopicWriter(KafkaSettings.producer(kafka, "datadock-gateway-identity"), topicPrefix);
  }

  public CompletableFuture<Void> user(User user) {
    return send(Topics.IDENTITY_USERS, user.getId(), user);
  }

  /** A tombstone: the user is gone, and so is every key of theirs (keys verify through it). */
  /** Kept with its removal time rather than deleted: see {@code User.removedAt}. */
  public CompletableFuture<Void> removeUser(User user, long at) {
    return send(
        Topics.IDENTITY_USERS, user.getId(), User.newBuilder(user).setRemovedAt(at).build());
  }

  public CompletableFuture<Void> key(ApiKey key) {
    return send(Topics.IDENTITY_API_KEYS, key.getKeyId(), key);
  }

  public CompletableFuture<Void> tenant(Tenant tenant) {
    return send(Topics.IDENTITY_TENANTS, tenant.getName(), tenant);
  }

  public CompletableFuture<Void> deleteTenant(String name) {
    return send(Topics.IDENTITY_TENANTS, name, null);
  }

  public CompletableFuture<Void> grant(ReferenceGrant grant) {
    return send(Topics.IDENTITY_GRANTS, GrantKeys.of(grant), grant);
  }

  /** Kept with its withdrawal time rather than deleted: see {@code ReferenceGrant.revokedAt}. */
  public CompletableFuture<Void> withdrawGrant(ReferenceGrant grant, long at) {
    return send(
        Topics.IDENTITY_GRANTS,
        GrantKeys.of(grant),
        ReferenceGrant.newBuilder(grant).setRevokedAt(at).build());
  }

  public CompletableFuture<Void> audit(AuditRecord record) {
    return send(Topics.AUDIT, record.getTenant() == null ? "-" : record.getTenant(), record);
  }

  private <V> CompletableFuture<Void> send(Topic<String, V> topic, String key, V value) {
    return writer.send(topic, key, value).thenApply(m -> null);
  }

  @Override
  public void close() {
    writer.close();
  }
}
