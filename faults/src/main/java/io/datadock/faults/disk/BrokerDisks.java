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
   * Room for a run: a tmpfs takes memory only for what is written, and the brokers write about 7
   * MiB a minute each at the soak's 20 requests/s, so this is about 9 hours of it. A 256 MiB disk
   * was full after 45 minutes of a soak: every broker's, each halting as its own disk filled.
   * {@code FILL_DISK} shrinks the one it fills to what it holds first ({@link #shrinkToUsed}), so
   * filling it costs {@link #HEADROOM} of memory, not this.
   */
  public static final long SIZE = 4L * 1024 * 1024 * 1024;

  /** What a disk shrunk for {@code FILL_DISK} has left beyond what it holds. */
  public static final long HEADROOM = 16L * 1024 * 1024;

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

  /**
   * Shrinks node {@code nodeId}'s disk to what it holds plus {@link #HEADROOM}, so that filling it
   * takes little; {@link #restore} gives it its size back.
   */
  public void shrinkToUsed(int nodeId) {
    Tmpfs disk = disks.get(nodeId - 1);
    long page = 4096;
    long size = ((disk.used() + HEADROOM) / page + 1) * page;
    disk.resize(size);
  }

  /** Node {@code nodeId}'s disk at {@link #SIZE} again. */
  public void restore(int nodeId) {
    disks.get(nodeId - 1).resize(SIZE);
  }

  /** Each broker's disk: what its files take now, in bytes, by node id (1-based) order. */
  public List<Long> used() {
    return disks.stream().map(Tmpfs::used).toList();
  }

  /** Unmounts every one: call once the brokers have exited. */
  @Override
  public void close() {
    disks.forEach(Tmpfs::close);
  }
}
