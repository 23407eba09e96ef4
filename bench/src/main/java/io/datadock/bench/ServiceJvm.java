package io.datadock.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Datadock service in a JVM of its own, started by its production main class from this
 * benchmark's classpath, so its heap and resident memory are its own. Only this process is ever
 * stopped, by its own handle.
 */
final class ServiceJvm implements AutoCloseable {

  private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)");
  private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    // stops what is still running when the benchmark exits without closing it
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy), "service-jvm-reaper"));
  }

  private final String name;
  private final Process process;
  private final Path out;

  private ServiceJvm(String name, Process process, Path out) {
    this.name = name;
    this.process = process;
    this.out = out;
  }

  static ServiceJvm start(
      String name, Path dir, List<String> jvmOptions, String mainClass, Map<String, String> env) {
    Path out = dir.resolve(name + ".out");
    List<String> command = new ArrayList<>();
    command.add(javaTool("java"));
    command.addAll(jvmOptions);
    command.add(mainClass);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(out.toFile());
    builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    builder.environment().putAll(env);
    try {
      Files.createDirectories(dir);
      Process process = builder.start();
      RUNNING.add(process);
      return new ServiceJvm(name, process, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  String name() {
    return name;
  }

  /** Fails with the tail of its output when it has exited. */
  void assertAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited:\n" + tail());
    }
  }

  /**
   * The bytes of live objects: {@code jcmd GC.class_histogram} runs a full collection first, so
   * this is the heap after GC.
   */
  long liveHeapBytes() {
    Matcher m = HISTOGRAM_TOTAL.matcher(jcmd("GC.class_histogram"));
    if (!m.find()) {
      throw new IllegalStateException("no histogram total from " + name);
    }
    return Long.parseLong(m.group(1));
  }

  /** Resident set size, from {@code /proc/<pid>/status}. */
  long rssBytes() {
    try {
      Matcher m = RSS.matcher(Files.readString(Path.of("/proc", pid(), "status")));
      return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String pid() {
    return String.valueOf(process.pid());
  }

  private String jcmd(String command) {
    try {
      Process jcmd =
          new ProcessBuilder(javaTool("jcmd"), pid(), command).redirectErrorStream(true).start();
      String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + command + " on " + name + " failed: " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(out);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  private static String javaTool(String tool) {
    return Path.of(System.getProperty("java.home"), "bin", tool).toString();
  }

  @Override
  public void close() {
    RUNNING.remove(process);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
