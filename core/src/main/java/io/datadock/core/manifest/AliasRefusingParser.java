package io.datadock.core.manifest;

import io.datadock.core.error.DatadockException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A YAML event stream that refuses the first anchor or alias, naming where it is, the moment the
 * event is first looked at: before the composer sees it, so no alias is ever resolved, let alone
 * expanded. Counts the documents begun, for error messages.
 */
final class AliasRefusingParser implements Parser {

  private final Parser events;
  private Event checked;
  private int documents;

  AliasRefusingParser(Parser events) {
    this.events = events;
  }

  /** The documents begun so far (1 for the first), at least 1. */
  int document() {
    return Math.max(1, documents);
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    Event event = peekEvent();
    return event != null && event.is(choice);
  }

  @Override
  public Event peekEvent() {
    return inspect(events.peekEvent());
  }

  @Override
  public Event getEvent() {
    return inspect(events.getEvent());
  }

  private Event inspect(Event event) {
    if (event == null || event == checked) {
      return event;
    }
    checked = event;
    if (event instanceof DocumentStartEvent) {
      documents++;
    }
    boolean alias = event instanceof AliasEvent;
    if (alias || (event instanceof NodeEvent node && node.getAnchor() != null)) {
      Mark mark = event.getStartMark();
      throw DatadockException.invalid(
          null,
          "aliases are not allowed in manifests: "
              + (alias ? "an alias" : "an anchor")
              + " at line "
              + (mark.getLine() + 1)
              + ", column "
              + (mark.getColumn() + 1));
    }
    return event;
  }
}
