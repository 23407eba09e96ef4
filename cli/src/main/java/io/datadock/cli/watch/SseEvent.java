package io.datadock.cli.watch;

/**
 * One Server-Sent Event.
 *
 * @param id the last event id the stream had set when this event arrived (null if none yet)
 * @param type the event type ({@code message} when the event named none)
 * @param data the data lines joined by newlines
 */
public record SseEvent(String id, String type, String data) {}
