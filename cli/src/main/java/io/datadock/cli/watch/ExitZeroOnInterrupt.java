package io.datadock.cli.watch;

import java.io.PrintWriter;

/**
 * While open, Ctrl-C (or a TERM signal) ends the process with status 0 once the output is flushed:
 * it is how a command that runs until stopped is meant to end. The JVM would otherwise exit with
 * 130; halting from the shutdown hook is what sets the status.
 */
public final class ExitZeroOnInterrupt implements AutoCloseable {

  private final Thread hook;

  public ExitZeroOnInterrupt(PrintWriter out) {
    hook =
        new Thread(
            () -> {
              out.flush();
              Runtime.getRuntime().halt(0);
            },
            "datadock-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: nothing to undo
    }
  }
}
