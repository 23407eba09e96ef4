package io.datadock.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU time the process and each {@link ThreadComponent} spent between {@link #start} and {@link
 * #stop}: process CPU from the operating system bean, per component the sum of its threads' CPU
 * (ThreadMXBean). What no live thread accounts for (garbage collection, the JIT, threads that
 * ended) is the difference, reported as the JVM's share.
 */
final class CpuMeter {

  /** CPU seconds per component, the process total, and the JVM's remainder. */
  record Usage(Map<ThreadComponent, Double> seconds, double process, JvmThreads.Seconds vm) {
    /** What no Java thread accounts for: the JIT, the garbage collector, threads that ended. */
    double jvm() {
      return process - seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Everything but the load generator: what the platform spent. */
    double platform() {
      return process - seconds.getOrDefault(ThreadComponent.LOAD_GENERATOR, 0.0);
    }

    /**
     * Each component's share and the JVM's, as " gateway 84, …, JVM 14 (JIT 8, GC 6)", each amount
     * of CPU seconds written by {@code amount} (per apply, per depot).
     */
    String breakdown(java.util.function.DoubleFunction<String> amount) {
      StringBuilder line = new StringBuilder();
      for (ThreadComponent c : ThreadComponent.values()) {
        line.append(' ')
            .append(c.label())
            .append(' ')
            .append(amount.apply(seconds.getOrDefault(c, 0.0)))
            .append(',');
      }
      return line.append(" JVM ")
          .append(amount.apply(jvm()))
          .append(" (JIT ")
          .append(amount.apply(vm.jit()))
          .append(", GC ")
          .append(amount.apply(vm.gc()))
          .append(')')
          .toString();
    }
  }

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private Map<Long, Long> startThreads;
  private long startProcess;
  private JvmThreads.Snapshot startVm;

  CpuMeter() {
    if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
      threads.setThreadCpuTimeEnabled(true);
    }
  }

  void start() {
    startThreads = threadTimes();
    startProcess = os.getProcessCpuTime();
    startVm = JvmThreads.now();
  }

  Usage stop(Set<Long> loadGeneratorThreads) {
    long process = os.getProcessCpuTime() - startProcess;
    JvmThreads.Seconds vm = JvmThreads.now().minus(startVm);
    Map<ThreadComponent, Double> seconds = new EnumMap<>(ThreadComponent.class);
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long now = threads.getThreadCpuTime(ids[i]);
      if (infos[i] == null || now < 0) {
        continue;
      }
      long spent = now - startThreads.getOrDefault(ids[i], 0L);
      ThreadComponent component =
          ThreadComponent.of(ids[i], infos[i].getThreadName(), loadGeneratorThreads);
      seconds.merge(component, spent / 1e9, Double::sum);
    }
    return new Usage(seconds, process / 1e9, vm);
  }

  private Map<Long, Long> threadTimes() {
    Map<Long, Long> times = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long t = threads.getThreadCpuTime(id);
      if (t >= 0) {
        times.put(id, t);
      }
    }
    return times;
  }
}
