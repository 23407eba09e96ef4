package io.datadock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds of the JVM's own threads, which ThreadMXBean does not list: the JIT compilers and the
 * garbage collector (with the VM thread, which runs its pauses), read from Linux's {@code
 * /proc/self/task} (10 ms resolution). Zero elsewhere.
 */
final class JvmThreads {

  record Seconds(double jit, double gc) {
    Seconds minus(Seconds other) {
      return new Seconds(jit - other.jit, gc - other.gc);
    }
  }

  private static final Path TASKS = Path.of("/proc/self/task");
  private static final double TICKS_PER_SECOND = 100.0;

  private JvmThreads() {}

  static Seconds now() {
    double jit = 0;
    double gc = 0;
    if (!Files.isDirectory(TASKS)) {
      return new Seconds(0, 0);
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
        if (name.contains("CompilerThre")) {
          jit += seconds;
        } else if (name.startsWith("GC ")
            || name.startsWith("G1 ")
            || name.equals("VM Thread")
            || name.startsWith("VM Periodic")) {
          gc += seconds;
        }
      }
    } catch (IOException e) {
      return new Seconds(0, 0);
    }
    return new Seconds(jit, gc);
  }
}
