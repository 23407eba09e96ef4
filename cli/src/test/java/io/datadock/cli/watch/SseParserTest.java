package io.datadock.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

  private final SseParser parser = new SseParser();

  private List<SseEvent> parse(String stream) {
    List<SseEvent> events = new ArrayList<>();
    stream.lines().forEach(line -> parser.accept(line).ifPresent(events::add));
    return events;
  }

  @Test
  void anEventHasItsIdTypeAndData() {
    assertThat(parse("id: 7\nevent: added\ndata: {\"name\":\"a\"}\n\n"))
        .containsExactly(new SseEvent("7", "added", "{\"name\":\"a\"}"));
  }

  @Test
  void nothingIsDispatchedBeforeTheBlankLine() {
    assertThat(parse("id: 7\nevent: added\ndata: x\n")).isEmpty();
    assertThat(parser.accept("")).contains(new SseEvent("7", "added", "x"));
  }

  @Test
  void commentsSuchAsHeartbeatsAreSkipped() {
    assertThat(parse(": heartbeat\n\n: heartbeat\n\nevent: synced\ndata: {}\n\n"))
        .containsExactly(new SseEvent(null, "synced", "{}"));
  }

  @Test
  void dataLinesAreJoinedByNewlines() {
    assertThat(parse("data: first\ndata:second\ndata\n\n"))
        .containsExactly(new SseEvent(null, "message", "first\nsecond\n"));
  }

  @Test
  void onlyOneSpaceAfterTheColonIsRemoved() {
    assertThat(parse("event:added\ndata:  two spaces\n\n"))
        .containsExactly(new SseEvent(null, "added", " two spaces"));
  }

  @Test
  void theLastEventIdIsKeptForEventsWithoutAnId() {
    List<SseEvent> events = parse("id: 3\ndata: a\n\ndata: b\n\nevent: dropped\ndata: {}\n\n");

    assertThat(events).extracting(SseEvent::id).containsExactly("3", "3", "3");
    assertThat(events).extracting(SseEvent::type).containsExactly("message", "message", "dropped");
    assertThat(parser.lastEventId()).isEqualTo("3");
  }

  @Test
  void anEventWithoutDataIsNotDispatchedButItsIdCounts() {
    assertThat(parse("id: 9\nevent: added\n\n")).isEmpty();
    assertThat(parser.lastEventId()).isEqualTo("9");
    assertThat(parse("data: x\n\n")).containsExactly(new SseEvent("9", "message", "x"));
  }

  @Test
  void theTypeDoesNotCarryOverToTheNextEvent() {
    assertThat(parse("event: reset\ndata: {}\n\ndata: {}\n\n"))
        .extracting(SseEvent::type)
        .containsExactly("reset", "message");
  }

  @Test
  void retryAndUnknownFieldsAreIgnored() {
    assertThat(parse("retry: 1000\nfoo: bar\ndata: x\n\n"))
        .containsExactly(new SseEvent(null, "message", "x"));
  }
}
