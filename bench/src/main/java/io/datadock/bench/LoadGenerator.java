package io.datadock.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * A closed-loop HTTP load generator on Vert.x's non-blocking client: {@code clients} connections,
 * each sending its next apply as soon as the previous one is answered. Latencies are recorded on
 * the client's event loop, so no locking is needed.
 */
final class LoadGenerator implements AutoCloseable {

  record Result(LatencyRecorder latencies, double seconds) {
    double throughput() {
      return latencies.count() / seconds;
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final Set<Long> threads = ConcurrentHashMap.newKeySet();
  private final URI gateway;
  private final String token;

  LoadGenerator(String gatewayUrl, String token) {
    this.gateway = URI.create(gatewayUrl);
    this.token = token;
  }

  /**
   * Sends requests until {@code totalRequests} have been answered or {@code durationMillis} has
   * passed, whichever comes first.
   *
   * @param body the YAML body of request number i
   */
  Result run(int clients, long totalRequests, long durationMillis, LongFunction<String> body) {
    return run(clients, totalRequests, durationMillis, body, "/api/v1/resources", b -> true);
  }

  /**
   * As {@link #run(int, long, long, LongFunction)}, to {@code path}, counting an answer as a
   * success only when it is a 200 whose body passes {@code accept}.
   */
  Result run(
      int clients,
      long totalRequests,
      long durationMillis,
      LongFunction<String> body,
      String path,
      Predicate<String> accept) {
    return run(
        clients, totalRequests, durationMillis, i -> new Request(path, body.apply(i)), accept);
  }

  /** One request: a GET when {@code body} is null, else a POST of YAML. */
  record Request(String path, String body) {}

  /** As above, each request built by {@code request}. */
  Result run(
      int clients,
      long totalRequests,
      long durationMillis,
      LongFunction<Request> request,
      Predicate<String> accept) {
    HttpClientAgent client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setPipelining(false),
            new PoolOptions().setHttp1MaxSize(clients));
    LatencyRecorder recorder = new LatencyRecorder();
    AtomicLong issued = new AtomicLong();
    CompletableFuture<Void> done = new CompletableFuture<>();
    AtomicLong running = new AtomicLong(clients);
    long start = System.nanoTime();
    long deadline = start + durationMillis * 1_000_000L;
    vertx.runOnContext(
        v -> {
          threads.add(Thread.currentThread().getId());
          for (int c = 0; c < clients; c++) {
            next(client, recorder, issued, totalRequests, deadline, request, accept, running, done);
          }
        });
    done.join();
    double seconds = (System.nanoTime() - start) / 1e9;
    client.close();
    return new Result(recorder, seconds);
  }

  private void next(
      HttpClientAgent client,
      LatencyRecorder recorder,
      AtomicLong issued,
      long total,
      long deadline,
      LongFunction<Request> request,
      Predicate<String> accept,
      AtomicLong running,
      CompletableFuture<Void> done) {
    long i = issued.getAndIncrement();
    if (i >= total || System.nanoTime() >= deadline) {
      if (running.decrementAndGet() == 0) {
        done.complete(null);
      }
      return;
    }
    Request call = request.apply(i);
    long sent = System.nanoTime();
    RequestOptions options =
        new RequestOptions()
            .setMethod(call.body() == null ? HttpMethod.GET : HttpMethod.POST)
            .setHost(gateway.getHost())
            .setPort(gateway.getPort())
            .setURI(call.path())
            .putHeader("Authorization", "Bearer " + token);
    if (call.body() != null) {
      options.putHeader("Content-Type", "application/yaml");
    }
    client
        .request(options)
        .compose(req -> call.body() == null ? req.send() : req.send(Buffer.buffer(call.body())))
        .compose(
            resp -> resp.body().map(b -> resp.statusCode() == 200 && accept.test(b.toString())))
        .onComplete(
            ar -> {
              if (ar.succeeded() && ar.result()) {
                recorder.record(System.nanoTime() - sent);
              } else {
                recorder.failure();
              }
              next(client, recorder, issued, total, deadline, request, accept, running, done);
            });
  }

  /** The threads this generator's requests and answers ran on (to tell its CPU from the rest). */
  Set<Long> threadIds() {
    return Set.copyOf(threads);
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
