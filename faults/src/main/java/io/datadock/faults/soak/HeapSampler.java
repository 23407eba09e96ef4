package io.datadock.faults.soak;

import io.datadock.local.cluster.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The live heap of every service process, one sample a minute: {@code jcmd <pid>
 * GC.class_histogram}, which runs a full collection and counts what survived ({@link
 * ClassHistogram}; the services expose no JVM heap metric). The histogram is kept in a file, {@code
 * <name>-minute-<n>.txt}, so what grew between two minutes can be read. A process restarted
 * meanwhile is sampled under its new pid.
 */
public final class HeapSampler {

  private final Supplier<Map<String, ChildJvm>> processes;
  private final Path histograms;
  private final Map<String, List<Long>> samples = new LinkedHashMap<>();

  /**
   * @param histograms the directory for the class histograms
   */
  public HeapSampler(Supplier<Map<String, ChildJvm>> processes, Path histograms) {
    this.processes = processes;
    this.histograms = histograms;
  }

  /** Samples every process once; prints one line of this minute's figures. */
  public synchronized void sample(int minute) {
    StringBuilder line = new StringBuilder("minute " + minute + " live heap (MB):");
    processes
        .get()
        .forEach(
            (name, jvm) -> {
              OptionalLong used =
                  liveBytes(jvm.pid(), histograms.resolve(name + "-minute-" + minute + ".txt"));
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

  /** The live bytes from a class histogram, which is kept in {@code file}. */
  private static OptionalLong liveBytes(long pid, Path file) {
    try {
      String histogram = jcmd(pid, "GC.class_histogram");
      Files.createDirectories(file.getParent());
      Files.writeString(file, histogram);
      return ClassHistogram.liveBytes(histogram);
    } catch (IOException e) {
      System.out.println("no class histogram of " + pid + ": " + e.getMessage());
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
