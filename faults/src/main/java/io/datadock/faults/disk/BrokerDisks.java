package io.datadock.faults.disk;

import io.datadock.local.cluster.KafkaClusterProcesses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One small file system per broker, mounted on the broker's directory before it is formatted: its
 * log directory (data and metadata log, one directory as the cluster configures it) lives there, so
 * filling the file system fills the broker's disk and nothing else. Every broker gets one, so the
 * fault can hit whichever broker leads a command partition at that moment.
 */
public final class BrokerDisks implements AutoCloseable {

  /**
   * Room for a run: a short schedule leaves a few MiB per broker, the full one some tens (index
   * files are preallocated sparse and take only what is written). Filling it costs this much memory
   * for the seconds the fault lasts.
   */
  public static final long SIZE = 256L * 1024 * 1024;

  private final List<Tmpfs> disks;

  private BrokerDisks(List<Tmpfs> disks) {
    this.disks = disks;
  }

  /** Mounts one tmpfs of {@link #SIZE} on each node's directory under {@code dir}. */
  public static BrokerDisks mount(Path dir, int brokers) {
    List<Tmpfs> mounted = new ArrayList<>();
    try {
      for (int node = 1; node <= brokers; node++) {
        mounted.add(Tmpfs.mount(KafkaClusterProcesses.home(dir, node), SIZE));
      }
      return new BrokerDisks(mounted);
    } catch (RuntimeException e) {
      mounted.forEach(Tmpfs::close);
      throw e;
    }
  }

  /** The file system holding node {@code nodeId}'s (1-based) log directory. */
  public Path of(int nodeId) {
    return disks.get(nodeId - 1).path();
  }

  /** Unmounts every one: call once the brokers have exited. */
  @Override
  public void close() {
    disks.forEach(Tmpfs::close);
  }
}
