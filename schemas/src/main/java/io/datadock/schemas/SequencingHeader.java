package io.datadock.schemas;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The header by which depot-service asks secret-service to sequence a reference request: to copy it
 * onto the secret's partition of {@code secret.commands} and decide it there, in line with the
 * secret's commands. A request without it was written by an older depot-service, and is decided
 * straight from {@code secret.reference.requests} as before, also in a replay of that history.
 */
public final class SequencingHeader {

  public static final String NAME = "sequence";

  private static final byte[] ON_SECRET_COMMANDS =
      "secret.commands".getBytes(StandardCharsets.UTF_8);

  private SequencingHeader() {}

  /** Headers asking for the request to be decided from its copy on {@code secret.commands}. */
  public static Headers onSecretCommands() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(NAME, ON_SECRET_COMMANDS.clone());
    return headers;
  }

  /** Whether these headers ask for the request to be decided from its copy. */
  public static boolean onSecretCommands(Headers headers) {
    return headers != null && headers.lastHeader(NAME) != null;
  }
}
