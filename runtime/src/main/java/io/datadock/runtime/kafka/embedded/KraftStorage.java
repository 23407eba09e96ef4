package io.datadock.runtime.kafka.embedded;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/** Formats a KRaft node's log directory, as {@code kafka-storage format} does. */
public final class KraftStorage {

  private KraftStorage() {}

  /**
   * @param clusterId the same for every node of a cluster
   */
  public static void format(String clusterId, int nodeId, Path logDir) {
    format(clusterId, nodeId, logDir, List.of());
  }

  /**
   * @param scramArguments SCRAM credentials to create with the cluster, as {@code kafka-storage
   *     format --add-scram} takes them ({@code SCRAM-SHA-512=[name=...,password=...]})
   */
  public static void format(
      String clusterId, int nodeId, Path logDir, List<String> scramArguments) {
    try {
      new Formatter()
          .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
          .setClusterId(clusterId)
          .setNodeId(nodeId)
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(logDir.toString())
          .setDirectories(List.of(logDir.toString()))
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          // Transactions v2 (KIP-890) made exactly-once Streams producers fail here with
          // OutOfOrderSequenceException under load (Kafka 4.1.0); the proven v1 protocol keeps
          // exactly_once_v2 semantics without it.
          .setFeatureLevel("transaction.version", (short) 1)
          .setScramArguments(scramArguments)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format node " + nodeId + " in " + logDir, e);
    }
  }
}
