package io.datadock.gateway.http;

import io.vertx.core.json.JsonObject;

/** One Server-Sent Event: its id (when it has one), its type and its data, then a blank line. */
final class SseFrame {

  private SseFrame() {}

  static String of(String event, Long id, JsonObject data) {
    StringBuilder frame = new StringBuilder();
    if (id != null) {
      frame.append("id: ").append(id).append('\n');
    }
    frame.append("event: ").append(event).append('\n');
    frame.append("data: ").append(data.encode()).append("\n\n");
    return frame.toString();
  }
}
