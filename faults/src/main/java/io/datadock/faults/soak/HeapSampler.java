package io.datadock.faults.soak;

import io.datadock.local.cluster.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Heap after a full GC of every service process, one sample a minute: {@code jcmd <pid> GC.run}
 * then {@code jcmd <pid> GC.heap_info} (the services expose no JVM heap metric). A process
 * restarted meanwhile is sampled under its new pid.
 */
public final class HeapSampler {

  private final Supplier<Map<String, ChildJvm>> processes;
  private final Map<String, List<Long>> samples = new LinkedHashMap<>();

  public HeapSampler(Supplier<Map<String, ChildJvm>> processes) {
    this.processes = processes;
  }

  /** Samples every process once; prints one line of this minute's figures. */
  public synchronized void sample(int minute) {
    StringBuilder line = new StringBuilder("minute " + minute + " heap after GC (MB):");
    processes
        .get()
        .forEach(
            (name, jvm) -> {
              OptionalLong used = usedAfterGc(jvm.pid());
              used.ifPresent(u -> samples.computeIfAbsent(name, n -> new ArrayList<>()).add(u));
              line.append(' ')
                  .append(name)
                  .append('=')
                  .append(used.isPresent() ? "%.1f".formatted(used.getAsLong() / 1e6) : "?");
            });
    System.out.println(line);
  }

  /** Every process's samples, in minutes. */
  public synchronized Map<String, List<Long>> samples() {
    Map<String, List<Long>> copy = new LinkedHashMap<>();
    samples.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return copy;
  }

  private static OptionalLong usedAfterGc(long pid) {
    try {
      jcmd(pid, "GC.run");
      return HeapInfo.usedBytes(jcmd(pid, "GC.heap_info"));
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("jcmd " + pid + " " + command + " did not finish");
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
