package io.datadock.runtime.kafka.embedded;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The {@code server.properties} every KRaft node of ours shares, broker and controller in one
 * process on loopback: the embedded broker's single node and each node of the multi-process cluster
 * start from these and add what differs (replication, threads, segment sizes).
 */
public final class KraftNodeProperties {

  private KraftNodeProperties() {}

  /**
   * @param voters {@code controller.quorum.voters}
   * @param replicas how many replicas the internal topics have (the cluster's size)
   * @param internalPartitions partitions of {@code __consumer_offsets} and {@code
   *     __transaction_state}
   */
  public static Properties of(
      int nodeId,
      String voters,
      Path logDir,
      int brokerPort,
      int controllerPort,
      int replicas,
      int internalPartitions) {
    String replication = String.valueOf(replicas);
    // a single node's internal topics must accept writes with their one replica, or exactly-once
    // Streams apps hang; a cluster's tolerate one node down
    String minIsr = String.valueOf(Math.max(1, replicas - 1));
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(nodeId));
    p.put("controller.quorum.voters", voters);
    p.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("metadata.log.dir", logDir.toString());
    p.put("offsets.topic.replication.factor", replication);
    p.put("offsets.topic.num.partitions", String.valueOf(internalPartitions));
    p.put("transaction.state.log.replication.factor", replication);
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("transaction.state.log.num.partitions", String.valueOf(internalPartitions));
    p.put("share.coordinator.state.topic.replication.factor", replication);
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    p.put("group.initial.rebalance.delay.ms", "0");
    // After a kill -9 the restarted controller still holds the dead incarnation's registration and
    // refuses the new one (DUPLICATE_BROKER_REGISTRATION) until that session expires: 9 s by
    // default. And a broker killed outright leads its partitions until its session expires. The
    // heartbeats go over loopback; 4 s is still 8 missed beats, room for a loaded machine's pauses.
    p.put("broker.session.timeout.ms", "4000");
    p.put("broker.heartbeat.interval.ms", "500");
    p.put("auto.create.topics.enable", "false");
    // A killed producer's open transaction blocks its partitions' readers until it is aborted:
    // the coordinator looks for timed-out transactions every 2 s instead of every 10 s.
    p.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "2000");
    // Small machine: few threads per node.
    p.put("num.network.threads", "2");
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    return p;
  }
}
