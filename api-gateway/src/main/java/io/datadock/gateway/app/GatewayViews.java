package io.datadock.gateway.app;

import io.datadock.core.crypto.TrustAnchor;
import io.datadock.gateway.kafka.ReplyRouter;
import io.datadock.gateway.replay.ReplaysInProgress;
import io.datadock.gateway.sealing.PublicKeyDirectory;
import io.datadock.gateway.view.CatalogView;
import io.datadock.gateway.view.ResourceView;
import io.datadock.runtime.identity.IdentityDirectory;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicTail;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The gateway's read side: the topics it tails and what they feed. Replies to its commands ({@code
 * command.results}, from the end), resources ({@code resource.state}), the services' sealing keys
 * ({@code secret.keys}), the catalog ({@code catalog.datasets}, {@code catalog.events}) and the
 * identity directory, each read from the beginning.
 */
final class GatewayViews implements AutoCloseable {

  private final Closeables tails = new Closeables();
  private final KafkaConnection kafka;
  private final String prefix;
  private final ReplyRouter replies = new ReplyRouter();
  private final ReplaysInProgress replays = new ReplaysInProgress(System::nanoTime);
  private final ResourceView resources = new ResourceView();
  private final PublicKeyDirectory keys;
  private final CatalogView catalog =
      new CatalogView(depotKey -> resources.get(depotKey).isPresent(), System::nanoTime);
  private final TopicTail<String, ?> repliesTail;
  private final TopicTail<String, ?> resourcesTail;
  private final TopicTail<String, ?> catalogTail;
  private final IdentityDirectory directory;

  private GatewayViews(
      KafkaConnection kafka, String prefix, TrustAnchor keyTrustAnchor, MeterRegistry metrics) {
    this.kafka = kafka;
    this.prefix = prefix;
    this.keys = new PublicKeyDirectory(keyTrustAnchor, metrics);
    repliesTail = tail(Topics.COMMAND_RESULTS, TopicTail.From.END, replies::onRecord);
    tail(Topics.REPLAY_CONTROL, TopicTail.From.END, r -> replays.onStep(r.value()));
    resourcesTail = tail(Topics.RESOURCE_STATE, TopicTail.From.BEGINNING, resources::onRecord);
    tail(Topics.SECRET_KEYS, TopicTail.From.BEGINNING, keys::onRecord);
    directory = tails.add(new IdentityDirectory(kafka, prefix, Clock.systemUTC()).start());
    catalogTail = tail(Topics.CATALOG_DATASETS, TopicTail.From.BEGINNING, catalog::onDataset);
    tail(Topics.CATALOG_EVENTS, TopicTail.From.BEGINNING, catalog::onEvent);
  }

  /**
   * Starts every tail; the views fill in the background ({@link #readiness}).
   *
   * @param keyTrustAnchor whose signature a sealing key must carry to be sealed to
   */
  static GatewayViews start(
      KafkaConnection kafka,
      String topicPrefix,
      TrustAnchor keyTrustAnchor,
      MeterRegistry metrics) {
    return new GatewayViews(kafka, topicPrefix, keyTrustAnchor, metrics);
  }

  ReplyRouter replies() {
    return replies;
  }

  /** The replays running, whichever gateway coordinates them. */
  ReplaysInProgress replays() {
    return replays;
  }

  ResourceView resources() {
    return resources;
  }

  PublicKeyDirectory keys() {
    return keys;
  }

  CatalogView catalog() {
    return catalog;
  }

  IdentityDirectory directory() {
    return directory;
  }

  boolean repliesCaughtUp() {
    return repliesTail.caughtUp().isDone();
  }

  boolean resourcesCaughtUp() {
    return resourcesTail.caughtUp().isDone();
  }

  /** Completes once the resource view holds every change written before the call. */
  CompletableFuture<Void> resourcesSynced() {
    return resourcesTail.sync();
  }

  /** Completes once replies and resources are caught up. */
  CompletableFuture<Void> caughtUp() {
    return CompletableFuture.allOf(repliesTail.caughtUp(), resourcesTail.caughtUp());
  }

  /** {@code replies}, {@code readView}, {@code catalogView}: whether each has caught up. */
  Map<String, BooleanSupplier> readiness() {
    Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    checks.put("replies", this::repliesCaughtUp);
    checks.put("readView", this::resourcesCaughtUp);
    checks.put("catalogView", () -> catalogTail.caughtUp().isDone());
    return checks;
  }

  private <V> TopicTail<String, V> tail(
      Topic<String, V> topic, TopicTail.From from, Consumer<ConsumerRecord<String, V>> handler) {
    TopicTail<String, V> tail =
        new TopicTail<>(
            KafkaSettings.consumer(kafka, null),
            topic.name(prefix),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer(),
            from,
            handler);
    tails.add(tail);
    return tail.start();
  }

  @Override
  public void close() {
    tails.close();
  }
}
