package io.datadock.runtime.streams;

import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/** The apps the pause tests run: exactly-once, a commit every 100 ms, one string-keyed store. */
final class PauseTestApps {

  private PauseTestApps() {}

  /** An operator's connection to {@code broker}. */
  static Properties client(EmbeddedKafkaBroker broker) {
    Properties props = new Properties();
    props.putAll(broker.connection(KafkaPrincipal.OPERATOR).clientConfig());
    return props;
  }

  static Properties streams(EmbeddedKafkaBroker broker, String applicationId, Path stateDir) {
    Properties props = client(broker);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    return props;
  }

  /** An app whose digest is that of {@code store}. */
  static StreamsApp app(Properties props, Supplier<Topology> topology, String store) {
    return new StreamsApp(
        "pause-test",
        boundary -> topology.get(),
        props,
        new SimpleMeterRegistry(),
        streams -> StoreDigest.byPartition(streams, store, new StringSerializer()));
  }
}
