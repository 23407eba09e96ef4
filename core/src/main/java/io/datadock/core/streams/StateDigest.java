package io.datadock.core.streams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A SHA-256 over one key-value store's contents on this instance (keys in order, values as their
 * topic serde encodes them): equal digests mean equal state, so operators and tests can prove that
 * a restored or rebuilt store holds exactly what the old one held.
 *
 * @param store the store's name
 * @param entries how many entries it holds
 * @param sha256 the digest, hex
 */
public record StateDigest(String store, long entries, String sha256) {

  public static <V> StateDigest of(
      KafkaStreams streams, String store, Serializer<V> values, String topicForSerde) {
    ReadOnlyKeyValueStore<String, V> view =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                store, QueryableStoreTypes.<String, V>keyValueStore()));
    Map<String, byte[]> sorted = new TreeMap<>();
    try (KeyValueIterator<String, V> all = view.all()) {
      while (all.hasNext()) {
        KeyValue<String, V> entry = all.next();
        sorted.put(entry.key, values.serialize(topicForSerde, entry.value));
      }
    }
    MessageDigest sha = newDigest();
    sorted.forEach(
        (key, value) -> {
          byte[] k = key.getBytes(StandardCharsets.UTF_8);
          sha.update(length(k.length));
          sha.update(k);
          sha.update(length(value.length));
          sha.update(value);
        });
    return new StateDigest(store, sorted.size(), HexFormat.of().formatHex(sha.digest()));
  }

  /** {@code GET} → this store's digest as JSON, for a service's operator listener. */
  public static <V> com.sun.net.httpserver.HttpHandler handler(
      KafkaStreams streams, String store, Serializer<V> values) {
    return exchange -> {
      byte[] body = of(streams, store, values, store).json().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    };
  }

  private static byte[] length(int n) {
    return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String json() {
    return "{\"store\":\""
        + store
        + "\",\"entries\":"
        + entries
        + ",\"sha256\":\""
        + sha256
        + "\"}";
  }
}
