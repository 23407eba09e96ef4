package io.datadock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds of the JVM's own threads, which ThreadMXBean does not list: the JIT compilers and the
 * garbage collector (with the VM thread, which runs its pauses), read from Linux's {@code
 * /proc/self/task} (10 ms resolution). Zero elsewhere.
 *
 * <p>Counted thread by thread: the JVM starts and ends compiler threads as the compile queue grows
 * and shrinks, so a total taken at the start minus one taken at the end went negative when a busy
 * thread had ended meanwhile (C1 alone: "JIT -85 µs" per apply). A thread that ended within the
 * window now counts for nothing, so the figure is a floor.
 */
final class JvmThreads {

  record Seconds(double jit, double gc) {}

  /** Each JVM thread's CPU seconds at one moment, by task id. */
  record Snapshot(Map<String, Double> jit, Map<String, Double> gc) {
    /** The CPU spent since {@code start} by the threads alive now. */
    Seconds minus(Snapshot start) {
      return new Seconds(spent(jit, start.jit), spent(gc, start.gc));
    }

    private static double spent(Map<String, Double> now, Map<String, Double> start) {
      double sum = 0;
      for (Map.Entry<String, Double> thread : now.entrySet()) {
        sum += thread.getValue() - start.getOrDefault(thread.getKey(), 0.0);
      }
      return sum;
    }
  }

  private static final Path TASKS = Path.of("/proc/self/task");
  private static final double TICKS_PER_SECOND = 100.0;

  private JvmThreads() {}

  static Snapshot now() {
    Map<String, Double> jit = new HashMap<>();
    Map<String, Double> gc = new HashMap<>();
    if (!Files.isDirectory(TASKS)) {
      return new Snapshot(jit, gc);
    }
    try (Stream<Path> tasks = Files.list(TASKS)) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread ended meanwhile
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the name: state is field 3, utime 14 and stime 15 (proc(5)), so indexes 11 and 12
        double seconds =
            (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        String id = task.getFileName().toString();
        if (name.contains("CompilerThre")) {
          jit.put(id, seconds);
        } else if (name.startsWith("GC ")
            || name.startsWith("G1 ")
            || name.equals("VM Thread")
            || name.startsWith("VM Periodic")) {
          gc.put(id, seconds);
        }
      }
    } catch (IOException e) {
      return new Snapshot(Map.of(), Map.of());
    }
    return new Snapshot(jit, gc);
  }
}
