package io.datadock.faults;

import io.datadock.faults.cluster.FaultCluster;
import io.datadock.faults.history.Event;
import io.datadock.faults.history.FinalState;
import io.datadock.faults.workload.Workload;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.secret.SecretEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads what the system holds at the end: the resources the API lists, every committed event of
 * secret-service and depot-service, and each service's state digest before and after a replay.
 */
final class FinalStateReader {

  private static final Duration REPLAY_LIMIT = Duration.ofHours(1);

  private final String gateway;
  private final String token;
  private final KafkaConnection kafka;
  private final HttpClient http = HttpClient.newHttpClient();

  FinalStateReader(String gateway, String token, KafkaConnection kafka) {
    this.gateway = gateway;
    this.token = token;
    this.kafka = kafka;
  }

  /** Once every instance is ready again: what the cluster holds, read through its first gateway. */
  static FinalState read(FaultCluster cluster, String token) throws Exception {
    cluster.awaitReady(Duration.ofSeconds(120));
    return new FinalStateReader(
            cluster.gatewayUrls().get(0),
            token,
            cluster.kafka().connection(KafkaPrincipal.OPERATOR))
        .read();
  }

  FinalState read() throws Exception {
    // the gateway's view follows resource.state: read until two reads a second apart agree
    Map<String, Long> resources = resources();
    for (Map<String, Long> again = null; !resources.equals(again); ) {
      Thread.sleep(1_000);
      again = resources;
      resources = resources();
    }
    List<Event> events = new ArrayList<>();
    events.addAll(committed(Topics.SECRET_EVENTS, FinalStateReader::secretEvent));
    events.addAll(committed(Topics.DEPOT_EVENTS, FinalStateReader::depotEvent));
    Map<String, String> before = new HashMap<>();
    Map<String, String> after = new HashMap<>();
    for (String service : List.of("secret", "depot")) {
      // the longest the gateway allows: a soak's final replay reads its whole history
      JsonObject report =
          new JsonObject(
              post(
                  "/api/v1/admin/replay?timeoutSeconds=" + REPLAY_LIMIT.toSeconds(),
                  "{\"service\": \"" + service + "\"}"));
      before.put(service, String.valueOf(report.getJsonObject("before")));
      after.put(service, String.valueOf(report.getJsonObject("after")));
    }
    return new FinalState(resources, events, before, after);
  }

  private Map<String, Long> resources() throws Exception {
    Map<String, Long> resources = new HashMap<>();
    for (String kind : List.of("secret", "depot")) {
      JsonArray items =
          new JsonObject(get("/api/v1/resources?all=true&type=" + kind)).getJsonArray("items");
      for (int i = 0; i < items.size(); i++) {
        JsonObject item = items.getJsonObject(i);
        resources.put(
            Workload.key(kind, item.getString("name")),
            Long.parseLong(item.getString("resourceVersion")));
      }
    }
    return resources;
  }

  /** Keys as the workload names them: tenant/kind/name (a secret's workspace left out). */
  private static Event secretEvent(SecretEvent e) {
    Event.Change change =
        switch (e.getType()) {
          case SECRET_DELETED -> Event.Change.DELETE;
          default -> Event.Change.WRITE;
        };
    return new Event(Workload.key("secret", e.getName()), change, e.getResourceVersion());
  }

  private static Event depotEvent(DepotEvent e) {
    return switch (e.getType()) {
      case DEPOT_APPLIED ->
          new Event(Workload.key("depot", e.getName()), Event.Change.WRITE, e.getResourceVersion());
      case DEPOT_DELETED ->
          new Event(
              Workload.key("depot", e.getName()), Event.Change.DELETE, e.getResourceVersion());
      default -> null; // activation and failure follow an apply: not a change a client asked for
    };
  }

  private <V> List<Event> committed(Topic<String, V> topic, Function<V, Event> toEvent) {
    Map<String, Object> config = KafkaSettings.committedConsumer(kafka, null);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    List<Event> out = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            config, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name(Topics.DEFAULT_PREFIX)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (!ends.entrySet().stream()
          .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
        for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
          Event event = r.value() == null ? null : toEvent.apply(r.value());
          if (event != null) {
            out.add(event);
          }
        }
      }
    }
    return out;
  }

  private String get(String path) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofMinutes(5)).GET(),
        path);
  }

  private String post(String path, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(gateway + path))
            .header("Content-Type", "application/json")
            .timeout(REPLAY_LIMIT.plusMinutes(1))
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        path);
  }

  private String send(HttpRequest.Builder request, String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            request.header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
