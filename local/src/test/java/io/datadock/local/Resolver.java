package io.datadock.local;

import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.secret.SecretAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Calls secret-service's credential resolution and reads the access audit back, for tests. */
final class Resolver {

  private final HttpClient http = HttpClient.newHttpClient();
  private final Platform platform;

  Resolver(Platform platform) {
    this.platform = platform;
  }

  Api.Response resolve(String token, String resourceKey, String purpose) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.resolutionUrl() + "/internal/v1/resolve"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"secret\":\"" + resourceKey + "\",\"purpose\":\"" + purpose + "\"}"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Api.Response(response.statusCode(), response.body());
  }

  /** Every access record so far, in order per secret. */
  List<SecretAccess> accessRecords() {
    Topic<String, SecretAccess> topic = Topics.SECRET_ACCESS;
    List<SecretAccess> out = new ArrayList<>();
    try (KafkaConsumer<String, SecretAccess> consumer =
        new KafkaConsumer<>(
            KafkaSettings.admin(platform.kafka(KafkaPrincipal.OPERATOR)),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name(Topics.DEFAULT_PREFIX)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
      }
    }
    return out;
  }
}
