package io.datadock.cli.cds;

import io.datadock.cli.CliContext;
import io.datadock.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The build runs this once, under {@code -XX:ArchiveClassesAtExit}, to make the CLI's
 * class-data-sharing archive ({@code target/datadock-cli.jsa}, which {@code bin/datadock} uses):
 * the usual commands, through {@link Main} as a user runs them, against a stand-in gateway on
 * loopback, so that the archive holds the classes they load (picocli, YAML, JSON, HTTP, tables).
 * Nothing is printed; nothing but loopback is reached.
 */
public final class TrainingRun {

  private static final String SECRET =
      "{\"name\": \"snowflake-cred\", \"version\": \"v2alpha\", \"type\": \"secret\","
          + " \"workspace\": null, \"status\": \"active\", \"runtime\": null, \"owner\": \"me\"}";

  private static final String DEPOT =
      "{\"name\": \"sales\", \"version\": \"v2alpha\", \"type\": \"depot\", \"status\": \"active\","
          + " \"owner\": \"me\", \"details\": {\"message\": \"ok\", \"references\":"
          + " [{\"secret\": \"default/secret/snowflake-cred\", \"state\": \"granted\"}],"
          + " \"check\": {\"steps\": [{\"name\": \"reach host\", \"status\": \"passed\"}]}}}";

  private TrainingRun() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("datadock-cds");
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread gateway = new Thread(() -> serve(server), "datadock-cds-gateway");
      gateway.setDaemon(true);
      gateway.start();
      Path config = dir.resolve("config.yaml");
      Files.writeString(
          config,
          "current: local\nprofiles:\n  local:\n    gateway: http://127.0.0.1:"
              + server.getLocalPort()
              + "\n    token: training\n");
      Path manifest = dir.resolve("cred.yaml");
      Files.writeString(
          manifest,
          "# a secret\nname: snowflake-cred\nversion: v2alpha\ntype: secret\nsecret:\n"
              + "  type: key-value\n  data: {username: ${TRAINING_USER}, password: pa$word}\n");
      Map<String, String> env = Map.of("TRAINING_USER", "reader");
      PrintWriter sink = new PrintWriter(Writer.nullWriter());
      for (List<String> command :
          List.of(
              List.of("version"),
              List.of("get", "-t", "secret"),
              List.of("resource", "get", "-t", "depot", "-a", "-n", "sales", "-d"),
              List.of("apply", "-f", manifest.toString()),
              List.of("delete", "-t", "secret", "-n", "snowflake-cred"),
              List.of("user", "get"),
              List.of("get", "-t", "nothing-here"))) {
        Main.run(new CliContext(config, env, sink, sink), command.toArray(String[]::new));
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void serve(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        answer(socket);
      } catch (IOException e) {
        // the server closed, or a client went away: the run goes on or is over
      }
    }
  }

  /** Reads one request (line, headers, body) and answers it with JSON by method and path. */
  private static void answer(Socket socket) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    String[] request = String.valueOf(in.readLine()).split(" ");
    int length = 0;
    for (String header = in.readLine();
        header != null && !header.isEmpty();
        header = in.readLine()) {
      if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring(15).trim());
      }
    }
    in.skip(length);
    String method = request[0];
    String path = request.length > 1 ? request[1].split("\\?")[0] : "/";
    int status = 200;
    String body;
    if (path.equals("/api/v1/users/me")) {
      body =
          "{\"id\": \"me\", \"name\": \"Me\", \"type\": \"person\", \"tags\": [\"roles:id:user\"]}";
    } else if (method.equals("POST")) {
      body = "{\"results\": [{\"name\": \"snowflake-cred\", \"outcome\": \"created\"}]}";
    } else if (method.equals("DELETE")) {
      status = 409;
      body = "{\"error\": {\"code\": \"DEPENDENCY\", \"message\": \"a dependency\"}}";
    } else if (path.startsWith("/api/v1/resources/")) {
      body = DEPOT;
    } else if (path.equals("/api/v1/resources") && !request[1].contains("nothing-here")) {
      body = "{\"items\": [" + SECRET + "]}";
    } else {
      status = 404;
      body = "{\"error\": {\"code\": \"NOT_FOUND\", \"message\": \"not found\"}}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("HTTP/1.1 "
                + status
                + " X\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                + bytes.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }
}
