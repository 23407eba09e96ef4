package io.datadock.faults.schedule;

import io.datadock.faults.cluster.FaultCluster;
import io.datadock.faults.disk.Ballast;
import io.datadock.faults.disk.BrokerDisks;
import io.datadock.local.cluster.ChildJvm;
import java.time.Duration;

/**
 * {@link FaultKind#FILL_DISK}: the disk of the broker leading {@code secret.commands}-0 fills up
 * (shrunk to what it holds and a few MiB, then a ballast file written into the rest). Its next
 * write fails with ENOSPC, its only log directory (the metadata log's too) goes offline and Kafka
 * halts the broker, as it does when no log directory is left. The ballast is then deleted and the
 * broker started again on what it had written.
 */
final class FillDisk {

  /** How long the broker may go on after its disk is full before the harness stops waiting. */
  private static final Duration EXIT = Duration.ofSeconds(60);

  private FillDisk() {}

  /** Fills, waits for the broker to exit, frees and restarts it; returns the broker's name. */
  static String inject(FaultCluster cluster, Duration ready) throws Exception {
    BrokerDisks disks =
        cluster
            .disks()
            .orElseThrow(() -> new IllegalStateException("the brokers have no small disks"));
    int node = cluster.leaderBroker();
    ChildJvm broker = cluster.kafka().nodes().get(node - 1);
    disks.shrinkToUsed(node);
    long started = System.nanoTime();
    Ballast ballast = Ballast.fill(disks.of(node));
    long deadline = started + EXIT.toNanos();
    while (broker.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    boolean exited = !broker.isAlive();
    System.out.printf(
        "FILL_DISK kafka-%d: %d MiB of ballast filled its disk, shrunk to what it held and %d MiB;"
            + " %s%n",
        node,
        ballast.bytes() >> 20,
        BrokerDisks.HEADROOM >> 20,
        exited
            ? "it exited after " + (System.nanoTime() - started) / 1_000_000 + " ms"
            : "still running after " + EXIT.toSeconds() + " s: stopped");
    ballast.free();
    disks.restore(node);
    if (!exited) {
      cluster.kafka().stop(node);
    }
    cluster.kafka().restart(node, ready);
    return "kafka-" + node;
  }
}
