package io.datadock.cli.watch;

import java.util.Optional;

/**
 * Turns the lines of a {@code text/event-stream} into events, as the HTML Living Standard's
 * EventSource parses them: {@code field: value} lines, comments starting with {@code :}, an event
 * dispatched at each blank line if it has data, and the last event id kept across events.
 */
public final class SseParser {

  private String lastEventId;
  private String type = "";
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;

  /** Reads one line (without its line ending); answers the event a blank line completes. */
  public Optional<SseEvent> accept(String line) {
    if (line.isEmpty()) {
      return dispatch();
    }
    if (line.startsWith(":")) {
      return Optional.empty();
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> type = value;
      case "data" -> {
        data.append(value).append('\n');
        hasData = true;
      }
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastEventId = value;
        }
      }
      default -> {
        // retry and unknown fields are ignored
      }
    }
    return Optional.empty();
  }

  /** The id of the last event seen, to send back as {@code Last-Event-ID} when reconnecting. */
  public String lastEventId() {
    return lastEventId;
  }

  private Optional<SseEvent> dispatch() {
    Optional<SseEvent> event =
        hasData
            ? Optional.of(
                new SseEvent(
                    lastEventId,
                    type.isEmpty() ? "message" : type,
                    data.substring(0, data.length() - 1)))
            : Optional.empty();
    type = "";
    data.setLength(0);
    hasData = false;
    return event;
  }
}
