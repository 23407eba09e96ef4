package io.datadock.local;

import io.datadock.core.kafka.KafkaSettings;
import io.datadock.schemas.Topics;
import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.DepotEventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/** Reads {@code depot.events} from the start in the background, as a downstream consumer would. */
final class DepotEventTail implements AutoCloseable {

  private final KafkaConsumer<String, DepotEvent> consumer;
  private final List<ConsumerRecord<String, DepotEvent>> records = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  DepotEventTail(String bootstrap) {
    consumer =
        new KafkaConsumer<>(
            KafkaSettings.committedConsumer(bootstrap, "it-depot-events-" + System.nanoTime()),
            Topics.DEPOT_EVENTS.keySerde().deserializer(),
            Topics.DEPOT_EVENTS.valueSerde().deserializer());
    consumer.subscribe(List.of(Topics.DEPOT_EVENTS.name(Topics.DEFAULT_PREFIX)));
    thread = new Thread(this::run, "it-depot-events");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        for (ConsumerRecord<String, DepotEvent> r : consumer.poll(Duration.ofMillis(100))) {
          synchronized (records) {
            records.add(r);
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  List<DepotEvent> eventsOf(String depotKey) {
    synchronized (records) {
      return records.stream()
          .filter(r -> depotKey.equals(r.key()))
          .map(ConsumerRecord::value)
          .toList();
    }
  }

  List<DepotEventType> typesOf(String depotKey) {
    return eventsOf(depotKey).stream().map(DepotEvent::getType).toList();
  }

  int count(String depotKey, DepotEventType type) {
    return (int) typesOf(depotKey).stream().filter(type::equals).count();
  }

  DepotEvent last(String depotKey) {
    List<DepotEvent> all = eventsOf(depotKey);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(5_000);
  }
}
