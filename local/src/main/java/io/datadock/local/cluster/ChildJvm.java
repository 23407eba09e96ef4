package io.datadock.local.cluster;

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

/**
 * A Java program run as a child process, from its parent's own classpath: a Kafka broker or one
 * instance of a Datadock service started by its production main class (the multi-process tests and
 * the fault harness). Its standard output and error go to {@code <name>.out} and its logback log to
 * {@code <name>.log} in the given directory, so a failing test or run can print their tails.
 *
 * <p>Only processes started here are ever stopped, by their own handle: {@link #kill()} is a {@code
 * kill -9} of this one process. A JVM shutdown hook stops whatever is still running if the parent
 * JVM exits without closing them.
 */
public final class ChildJvm implements AutoCloseable {

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "child-jvm-reaper"));
  }

  private final String name;
  private final Process process;
  private final Path out;
  private final Path log;

  private ChildJvm(String name, Process process, Path out, Path log) {
    this.name = name;
    this.process = process;
    this.out = out;
    this.log = log;
  }

  /**
   * @param name a short name, also the file name of its output and log
   * @param jvmOptions options before the main class ({@code -Xmx...})
   * @param env environment variables added to the parent's own
   */
  public static ChildJvm start(
      String name,
      Path dir,
      List<String> jvmOptions,
      String mainClass,
      List<String> args,
      Map<String, String> env) {
    Path out = dir.resolve(name + ".out");
    Path log = dir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    // logback-test.xml on a test classpath writes its file log where this property says
    command.add("-Ddatadock.it.log=" + log);
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
    // the classpath goes through the environment: it is long
    builder.environment().put("CLASSPATH", classpath());
    builder.environment().putAll(env);
    try {
      Files.createDirectories(dir);
      Process process = builder.start();
      RUNNING.add(process);
      return new ChildJvm(name, process, out, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  /** The classpath this JVM runs with (failsafe passes a test's on in a property of its own). */
  static String classpath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: no shutdown hook, no graceful close, open transactions left open. */
  public void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " (pid " + pid() + ") did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      RUNNING.remove(process);
    }
  }

  /** {@code kill -TERM}: a graceful stop (shutdown hooks run); waits until it has exited. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      RUNNING.remove(process);
    }
  }

  /**
   * {@code kill -STOP}: the process stops where it is, sockets open, until {@link #resume()}; a
   * paused service instance misses its heartbeats and comes back a zombie.
   */
  public void pause() {
    signal("STOP");
  }

  /** {@code kill -CONT} after {@link #pause()}. */
  public void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Fails with this process's output tail when it has exited. */
  public void assertAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name + " exited with " + process.exitValue() + "\n" + tail(40));
    }
  }

  /** The last lines of its output and of its log. */
  public String tail(int lines) {
    return "----- "
        + name
        + " (pid "
        + pid()
        + ", "
        + (isAlive() ? "running" : "exited")
        + ")\n"
        + "--- "
        + out.getFileName()
        + "\n"
        + tailOf(out, lines)
        + "--- "
        + log.getFileName()
        + "\n"
        + tailOf(log, lines);
  }

  private static String tailOf(Path file, int lines) {
    if (!Files.exists(file)) {
      return "(none)\n";
    }
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      StringBuilder b = new StringBuilder();
      for (String line : all.subList(Math.max(0, all.size() - lines), all.size())) {
        b.append(line).append('\n');
      }
      return b.toString();
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e + ")\n";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill(); // a paused process dies of SIGKILL too
    }
    RUNNING.remove(process);
  }
}
