package io.datadock.faults.workload;

import io.datadock.faults.cluster.FaultCluster;
import io.datadock.faults.history.Operation;
import io.datadock.faults.history.Operation.Type;
import io.datadock.faults.soak.SteadyRate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A seeded mixed workload of concurrent clients through the gateways: secrets created, updated (a
 * password from a small set, so some applies are {@code unchanged}) and deleted, file depots that
 * reference them (so deletes race references), deletes of depots, reads of both. Each client has
 * its own seeded random and sticks to one gateway until it fails to answer; then it sends the same
 * request again, to the next one, and stays there. Every attempt and its answer goes to the {@link
 * HistoryRecorder}.
 */
public final class Workload implements AutoCloseable {

  /** The tenant every client applies in (the default one). */
  public static final String TENANT = "default";

  /** How many times a client sends one request before it counts it as failed. */
  static final int ATTEMPTS = 3;

  /** How long a client waits before it tries the gateways a second time. */
  static final Duration BACKOFF = Duration.ofSeconds(1);

  private final List<String> gateways;
  private final String token;
  private final Path fileRoot;
  private final HistoryRecorder history;
  private final int secrets;
  private final int depots;
  private final long seed;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> clients = new ArrayList<>();
  private final AtomicLong applies = new AtomicLong();
  private volatile SteadyRate rate;
  private volatile Mix mix = Mix.MIXED;

  /**
   * @param secrets how many secret names the clients share (fewer names: more races)
   * @param depots how many depot names
   */
  public Workload(
      List<String> gateways,
      String token,
      Path fileRoot,
      HistoryRecorder history,
      int secrets,
      int depots,
      long seed) {
    this.gateways = List.copyOf(gateways);
    this.token = token;
    this.fileRoot = fileRoot;
    this.history = history;
    this.secrets = secrets;
    this.depots = depots;
    this.seed = seed;
  }

  /** A workload through the cluster's gateways, its depots on the cluster's file root. */
  public static Workload on(
      FaultCluster cluster,
      String token,
      HistoryRecorder history,
      int secrets,
      int depots,
      long seed) {
    return new Workload(
        cluster.gatewayUrls(), token, cluster.fileRoot(), history, secrets, depots, seed);
  }

  public static String key(String kind, String name) {
    return TENANT + "/" + kind + "/" + name;
  }

  /** Draws the requests' kinds from {@code mix} ({@link Mix#MIXED} unless told). */
  public Workload mixedAs(Mix mix) {
    this.mix = mix;
    return this;
  }

  /** Paces every client's requests together at {@code rate} (unpaced: as fast as answered). */
  public Workload pacedBy(SteadyRate rate) {
    this.rate = rate;
    return this;
  }

  /** Applies sent so far (answered or not). */
  public long applies() {
    return applies.get();
  }

  public Workload start(int clientCount) {
    for (int i = 0; i < clientCount; i++) {
      int n = i;
      Thread t = new Thread(() -> run(n), "client-" + n);
      t.setDaemon(true);
      clients.add(t);
      t.start();
    }
    return this;
  }

  private void run(int n) {
    Random random = new Random(seed * 1_000 + n);
    String client = "c" + n;
    int gateway = n % gateways.size();
    while (running.get()) {
      SteadyRate paced = rate;
      if (paced != null) {
        paced.acquire();
      }
      Request request = next(random);
      if (request.type() == Type.APPLY) {
        applies.incrementAndGet();
      }
      gateway = sendWithFailover(client, request, gateway);
    }
  }

  private Request next(Random random) {
    int roll = random.nextInt(100);
    String secret = "s-" + random.nextInt(secrets);
    String depot = "d-" + random.nextInt(depots);
    return switch (mix.pick(roll)) {
      case SECRET_APPLY ->
          Request.apply("secret", secret, Manifests.secret(secret, "pw-" + random.nextInt(3)));
      case SECRET_DELETE -> new Request(Type.DELETE, "secret", secret, null);
      case DEPOT_APPLY ->
          Request.apply("depot", depot, Manifests.fileDepot(depot, fileRoot, secret));
      case DEPOT_DELETE -> new Request(Type.DELETE, "depot", depot, null);
      case SECRET_READ -> new Request(Type.READ, "secret", secret, null);
      case DEPOT_READ -> new Request(Type.READ, "depot", depot, null);
    };
  }

  /**
   * Sends {@code request} as a client behind both gateways with a retry policy would: to its
   * gateway, and when that one gives no answer (a dropped or refused connection, a 503, a 504) to
   * the next, at most {@link #ATTEMPTS} times, waiting {@link #BACKOFF} once every gateway has been
   * tried. Declarative applies and deletes are safe to repeat. Every attempt is its own operation
   * in the history (one left without an answer may still take effect); those a later attempt
   * answered are marked so. Returns the gateway to use next.
   */
  private int sendWithFailover(String client, Request request, int gateway) {
    List<Long> unanswered = new ArrayList<>();
    for (int tried = 0; tried < ATTEMPTS && running.get(); tried++) {
      if (tried > 0 && tried % gateways.size() == 0 && !backOff()) {
        break;
      }
      Attempt attempt = send(client, request, gateway);
      if (attempt.answered()) {
        history.answeredOnRetry(unanswered);
        return gateway;
      }
      unanswered.add(attempt.operation());
      gateway = (gateway + 1) % gateways.size();
    }
    return gateway;
  }

  /** The client's wait before trying the gateways again; false when interrupted. */
  private boolean backOff() {
    try {
      Thread.sleep(BACKOFF.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
      return false;
    }
  }

  /** Sends and records one attempt. */
  private Attempt send(String client, Request request, int gateway) {
    long invoked = history.now();
    HttpRequest.Builder http =
        request
            .to(gateways.get(gateway))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(20));
    Answers.Answer answer;
    String got;
    boolean answered = true;
    try {
      HttpResponse<String> r = this.http.send(http.build(), HttpResponse.BodyHandlers.ofString());
      got = String.valueOf(r.statusCode());
      answered = r.statusCode() != 503 && r.statusCode() != 504;
      answer =
          switch (request.type()) {
            case APPLY -> Answers.ofApply(r.statusCode(), r.body());
            case DELETE -> Answers.ofDelete(r.statusCode(), r.body());
            case READ -> Answers.ofRead(r.statusCode(), r.body());
          };
    } catch (IOException e) {
      answer = Answers.UNKNOWN;
      got = e.getClass().getSimpleName();
      answered = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
      answer = Answers.UNKNOWN;
      got = "interrupted";
    }
    long id =
        history.record(
            client,
            request.type(),
            key(request.kind(), request.name()),
            invoked,
            answer.outcome(),
            answer.version(),
            got);
    return new Attempt(id, answered);
  }

  /** One request of the workload, to be sent to whichever gateway. */
  private record Request(Type type, String kind, String name, String yaml) {

    static Request apply(String kind, String name, String yaml) {
      return new Request(Type.APPLY, kind, name, yaml);
    }

    HttpRequest.Builder to(String gateway) {
      return switch (type) {
        case APPLY ->
            HttpRequest.newBuilder(URI.create(gateway + "/api/v1/resources"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml));
        case DELETE -> HttpRequest.newBuilder(resource(gateway)).DELETE();
        case READ -> HttpRequest.newBuilder(resource(gateway)).GET();
      };
    }

    private URI resource(String gateway) {
      return URI.create(gateway + "/api/v1/resources/" + kind + "/" + name);
    }
  }

  /**
   * @param operation the attempt's id in the history
   * @param answered whether the gateway answered (a 503 or 504 counts as none: try again)
   */
  private record Attempt(long operation, boolean answered) {}

  /** Stops every client after its request in flight; returns once they all have. */
  @Override
  public void close() {
    running.set(false);
    for (Thread t : clients) {
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The operations recorded so far. */
  public List<Operation> history() {
    return history.operations();
  }
}
