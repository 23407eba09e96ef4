package io.datadock.cli.commands;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Every command, where it sits under {@code datadock}, and its class. picocli reads a command's
 * annotations when the command is added to the tree, which was most of the CLI's start-up; so the
 * tree is built only along the path a command line takes ({@code datadock get -t secret} adds
 * {@code get} and nothing else), and in full where a command line does not name a subcommand (a
 * usage, {@code --help}, {@code completion}, a mistyped name: they list what there is).
 */
public final class CommandTree {

  /** A command and the commands under it. */
  record Node(String name, Class<?> type, List<Node> children) {

    Node find(String name) {
      return children.stream().filter(c -> c.name.equals(name)).findFirst().orElse(null);
    }
  }

  private static Node node(String name, Class<?> type, Node... children) {
    return new Node(name, type, Arrays.asList(children));
  }

  static final Node ROOT =
      node(
          "datadock",
          RootCommand.class,
          node("login", LoginCommand.class),
          node(
              "resource",
              ResourceCommand.class,
              node("apply", ApplyCommand.class),
              node("get", GetCommand.class),
              node("delete", DeleteCommand.class)),
          node("apply", ApplyCommand.class),
          node("get", GetCommand.class),
          node("delete", DeleteCommand.class),
          node(
              "user",
              UserCommand.class,
              node("get", UserGetCommand.class),
              node("create", UserCreateCommand.class),
              node(
                  "tag",
                  UserTagCommand.class,
                  node("add", UserTagAddCommand.class),
                  node("delete", UserTagDeleteCommand.class)),
              node(
                  "apikey",
                  ApiKeyCommand.class,
                  node("create", ApiKeyCreateCommand.class),
                  node("get", ApiKeyGetCommand.class),
                  node("delete", ApiKeyDeleteCommand.class))),
          node(
              "tenant",
              TenantCommand.class,
              node("create", TenantCreateCommand.class),
              node("get", TenantGetCommand.class),
              node("delete", TenantDeleteCommand.class)),
          node("dataset", DatasetCommand.class, node("get", DatasetGetCommand.class)),
          node("admin", AdminCommand.class, node("replay", AdminReplayCommand.class)),
          node("version", VersionCommand.class),
          node("completion", CompletionCommand.class));

  private CommandTree() {}

  /** The {@code datadock} command with the subcommands {@code args} reach. */
  public static CommandLine forArgs(CommandLine.IFactory factory, String... args) {
    boolean completion = args.length > 0 && args[0].equals("completion");
    return build(ROOT, factory, completion ? List.of() : Arrays.asList(args));
  }

  /**
   * {@code node}'s command; of its subcommands the one {@code args} start with (built the same
   * way), else all of them in full. An empty {@code args} builds everything.
   */
  private static CommandLine build(Node node, CommandLine.IFactory factory, List<String> args) {
    CommandLine command = new CommandLine(node.type(), factory);
    Node next = args.isEmpty() ? null : node.find(args.get(0));
    if (next != null) {
      command.addSubcommand(next.name(), build(next, factory, args.subList(1, args.size())));
      return command;
    }
    for (Node child : node.children()) {
      command.addSubcommand(child.name(), build(child, factory, List.of()));
    }
    return command;
  }
}
