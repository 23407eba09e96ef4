package io.datadock.bench;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicTail;
import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How long {@link TopicTail#sync()} takes: what a catalog scan waits before it diffs, and an
 * identity write through the gateway before it answers. A tail on a 6-partition topic of the
 * embedded broker; each round writes one record (or none) and times the sync that follows. Run with
 * {@code java -cp bench/target/datadock-bench.jar io.datadock.bench.TailSyncBenchmark [--syncs N]};
 * against an older build, put this module's classes ahead of that build's jar, as {@code
 * bench/results.sh} does.
 */
public final class TailSyncBenchmark {

  private static final String TOPIC = "bench.tail";

  private TailSyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    int syncs = 200;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--syncs")) {
        syncs = Integer.parseInt(args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("datadock-tail-bench-");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0)) {
      KafkaConnection kafka = KafkaConnection.plain(broker.bootstrapServers());
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
      }
      try (KafkaProducer<String, String> producer =
              new KafkaProducer<>(
                  KafkaSettings.producer(kafka, "tail-bench"),
                  new StringSerializer(),
                  new StringSerializer());
          TopicTail<String, String> tail =
              new TopicTail<>(
                      KafkaSettings.consumer(kafka, null),
                      TOPIC,
                      new StringDeserializer(),
                      new StringDeserializer(),
                      TopicTail.From.BEGINNING,
                      r -> {})
                  .start()) {
        tail.caughtUp().get(30, TimeUnit.SECONDS);
        time(tail, null, syncs / 4, "warm-up"); // the JIT, the connections
        time(tail, null, syncs, "nothing written");
        time(tail, producer, syncs, "one record written");
      }
    }
  }

  /** Times {@code rounds} syncs, each after one record written when a producer is given. */
  private static void time(
      TopicTail<String, String> tail,
      KafkaProducer<String, String> producer,
      int rounds,
      String label)
      throws Exception {
    LatencyRecorder latencies = new LatencyRecorder();
    for (int i = 0; i < rounds; i++) {
      if (producer != null) {
        producer.send(new ProducerRecord<>(TOPIC, "k" + i, "v" + i)).get();
      }
      long start = System.nanoTime();
      tail.sync().get(30, TimeUnit.SECONDS);
      latencies.record(System.nanoTime() - start);
    }
    System.out.printf(
        Locale.ROOT,
        "sync after %s: %d syncs, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        label,
        rounds,
        latencies.percentileMillis(50),
        latencies.percentileMillis(99),
        latencies.maxMillis());
  }
}
