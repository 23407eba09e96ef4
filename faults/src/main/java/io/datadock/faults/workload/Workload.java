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
 * its own seeded random and sticks to one gateway until it fails to answer, then moves on. Every
 * request and its answer goes to the {@link HistoryRecorder}.
 */
public final class Workload implements AutoCloseable {

  /** The tenant every client applies in (the default one). */
  public static final String TENANT = "default";

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
      int roll = random.nextInt(100);
      String secret = "s-" + random.nextInt(secrets);
      String depot = "d-" + random.nextInt(depots);
      boolean answered;
      if (roll < 40) {
        answered =
            apply(
                client,
                gateway,
                "secret",
                secret,
                Manifests.secret(secret, "pw-" + random.nextInt(3)));
      } else if (roll < 50) {
        answered = delete(client, gateway, "secret", secret);
      } else if (roll < 68) {
        answered =
            apply(client, gateway, "depot", depot, Manifests.fileDepot(depot, fileRoot, secret));
      } else if (roll < 76) {
        answered = delete(client, gateway, "depot", depot);
      } else if (roll < 90) {
        answered = read(client, gateway, "secret", secret);
      } else {
        answered = read(client, gateway, "depot", depot);
      }
      if (!answered) {
        gateway = (gateway + 1) % gateways.size();
      }
    }
  }

  private boolean apply(String client, int gateway, String kind, String name, String yaml) {
    applies.incrementAndGet();
    long invoked = history.now();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateways.get(gateway) + "/api/v1/resources"))
            .header("Content-Type", "application/yaml")
            .POST(HttpRequest.BodyPublishers.ofString(yaml));
    return send(client, Type.APPLY, key(kind, name), invoked, request);
  }

  private boolean delete(String client, int gateway, String kind, String name) {
    long invoked = history.now();
    HttpRequest.Builder request = HttpRequest.newBuilder(resource(gateway, kind, name)).DELETE();
    return send(client, Type.DELETE, key(kind, name), invoked, request);
  }

  private boolean read(String client, int gateway, String kind, String name) {
    long invoked = history.now();
    HttpRequest.Builder request = HttpRequest.newBuilder(resource(gateway, kind, name)).GET();
    return send(client, Type.READ, key(kind, name), invoked, request);
  }

  private URI resource(int gateway, String kind, String name) {
    return URI.create(gateways.get(gateway) + "/api/v1/resources/" + kind + "/" + name);
  }

  /** Sends and records; false when the gateway did not answer at all. */
  private boolean send(
      String client, Type type, String key, long invoked, HttpRequest.Builder request) {
    request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20));
    Answers.Answer answer;
    String got;
    boolean answered = true;
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      got = String.valueOf(r.statusCode());
      answer =
          switch (type) {
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
    history.record(client, type, key, invoked, answer.outcome(), answer.version(), got);
    return answered;
  }

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
