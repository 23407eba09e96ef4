package io.datadock.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@code clients} Server-Sent Event streams on the gateway's watch endpoint, each on its own
 * connection, counting the {@code added} events that come after the snapshot. For change number k
 * it records when the first and the last stream received it, so a caller can measure apply → every
 * watcher.
 */
final class WatchFanout implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final HttpClientAgent client;
  private final AtomicLongArray first;
  private final AtomicLongArray last;
  private final CountDownLatch[] received;
  private final CountDownLatch synced;

  /**
   * Opens the streams and returns once every one of them has its snapshot ({@code synced}).
   *
   * @param changes how many changes the caller will make (and await) after that
   */
  WatchFanout(String gatewayUrl, String token, String type, int clients, int changes)
      throws InterruptedException {
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setIdleTimeout(0),
            new PoolOptions().setHttp1MaxSize(clients));
    this.first = new AtomicLongArray(changes);
    this.last = new AtomicLongArray(changes);
    this.received = new CountDownLatch[changes];
    for (int k = 0; k < changes; k++) {
      received[k] = new CountDownLatch(clients);
    }
    this.synced = new CountDownLatch(clients);
    URI gateway = URI.create(gatewayUrl);
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(gateway.getHost())
            .setPort(gateway.getPort())
            .setURI("/api/v1/watch?type=" + type)
            .putHeader("Authorization", "Bearer " + token)
            .putHeader("Accept", "text/event-stream");
    CompletableFuture<Void> failed = new CompletableFuture<>();
    for (int c = 0; c < clients; c++) {
      client
          .request(options)
          .compose(req -> req.send())
          .onSuccess(resp -> resp.handler(stream()))
          .onFailure(failed::completeExceptionally);
    }
    while (!synced.await(1, TimeUnit.SECONDS)) {
      if (failed.isCompletedExceptionally()) {
        failed.join();
      }
    }
  }

  /** One stream's parser: events are separated by a blank line; counts them after the snapshot. */
  private RecordParser stream() {
    int[] changesSeen = {0};
    boolean[] inSnapshot = {true};
    return RecordParser.newDelimited(
        "\n\n",
        event -> {
          String text = event.toString();
          if (inSnapshot[0]) {
            if (text.contains("event: synced")) {
              inSnapshot[0] = false;
              synced.countDown();
            }
            return;
          }
          if (!text.contains("event: added") || changesSeen[0] >= received.length) {
            return;
          }
          long now = System.nanoTime();
          int k = changesSeen[0]++;
          first.compareAndSet(k, 0, now);
          last.accumulateAndGet(k, now, Math::max);
          received[k].countDown();
        });
  }

  /** Waits until every stream received change number k; returns when the last one did. */
  long awaitLast(int k, long timeoutMillis) throws InterruptedException {
    if (!received[k].await(timeoutMillis, TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          "change " + k + " reached only some watchers: " + received[k].getCount() + " missing");
    }
    return last.get(k);
  }

  /** When the first stream received change number k (after {@link #awaitLast}). */
  long first(int k) {
    return first.get(k);
  }

  @Override
  public void close() {
    client.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
