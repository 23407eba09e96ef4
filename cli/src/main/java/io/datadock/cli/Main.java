package io.datadock.cli;

import io.datadock.cli.commands.CommandTree;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** The {@code datadock} entry point. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(new CliContext(CliContext.defaultConfigPath(env), env, out, err), args);
    System.exit(code);
  }

  /** Runs one command line and answers its exit status; never exits the JVM. */
  public static int run(CliContext context, String... args) {
    CommandLine cli = commandLine(context, args);
    try {
      return cli.execute(args);
    } finally {
      context.out().flush();
      context.err().flush();
    }
  }

  /** Runs with a given config file and environment, capturing stdout and stderr. */
  public static Result capture(Path configPath, Map<String, String> env, String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        run(
            new CliContext(configPath, env, new PrintWriter(out, true), new PrintWriter(err, true)),
            args);
    return new Result(code, out.toString(), err.toString());
  }

  /** An exit status with what was printed. */
  public record Result(int exitCode, String out, String err) {}

  static CommandLine commandLine(CliContext context, String... args) {
    CommandLine cli = CommandTree.forArgs(new ContextFactory(context), args);
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof CliException) {
            context.log().error(e.getMessage());
          } else {
            context.log().error(e.toString());
          }
          return 1;
        });
    return cli;
  }

  /** Creates commands, handing the context to those that take it. */
  private record ContextFactory(CliContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return cls.getDeclaredConstructor(CliContext.class).newInstance(context);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
