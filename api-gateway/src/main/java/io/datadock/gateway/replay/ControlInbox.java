package io.datadock.gateway.replay;

import io.datadock.runtime.kafka.TopicTail;
import io.datadock.runtime.replay.ControlMessage;
import io.datadock.runtime.replay.ControlTopic;
import io.datadock.schemas.control.ReplayControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The answers written on {@code replay.answers} from the moment a replay starts, read in order. */
final class ControlInbox implements AutoCloseable {

  private static final long WAIT_SECONDS = 30;

  private final BlockingQueue<ReplayControl> queue = new LinkedBlockingQueue<>();
  private final TopicTail<String, ReplayControl> tail;

  ControlInbox(ControlTopic topic) {
    this.tail = topic.followAnswers(queue::add).start();
  }

  /** Waits until the inbox reads the topic's end: what is written from now on arrives. */
  void awaitFollowing() throws ExecutionException, InterruptedException, TimeoutException {
    tail.caughtUp().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** Waits until everything written before this call has arrived. */
  void sync() throws ExecutionException, InterruptedException, TimeoutException {
    tail.sync().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** What has arrived, waiting up to {@code wait} for the first message. */
  List<ControlMessage> drain(Duration wait) throws InterruptedException {
    List<ReplayControl> records = new ArrayList<>();
    ReplayControl first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (first != null) {
      records.add(first);
      queue.drainTo(records);
    }
    return records.stream().map(ControlMessage::from).toList();
  }

  @Override
  public void close() {
    tail.close();
  }
}
