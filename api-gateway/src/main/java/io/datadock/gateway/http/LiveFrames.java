package io.datadock.gateway.http;

import io.datadock.gateway.watch.WatchHub;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The Server-Sent Event frame of each recent change, rendered once for every watcher it goes to: a
 * change's frame is the same for all of them (its position, its type and the resource as {@link
 * ResourceJson#full} renders it, with every value redacted), and rendering it (the spec parsed, the
 * whole encoded) is most of the cost of delivering it. With a thousand watchers that was a thousand
 * renderings per change. Shared by the gateway's watch streams; safe across event loops (two of
 * them may render the same change at once, and keep either).
 */
final class LiveFrames {

  private static final int SLOTS = 256;

  private record Frame(long position, String text) {}

  private final AtomicReferenceArray<Frame> recent = new AtomicReferenceArray<>(SLOTS);

  String of(WatchHub.Event event) {
    int slot = (int) Math.floorMod(event.position(), (long) SLOTS);
    Frame frame = recent.get(slot);
    if (frame == null || frame.position() != event.position()) {
      frame =
          new Frame(
              event.position(),
              SseFrame.of(event.type(), event.position(), ResourceJson.full(event.state())));
      recent.set(slot, frame);
    }
    return frame.text();
  }
}
