package io.datadock.runtime.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /metrics} (Prometheus text format), {@code /healthz} and {@code /readyz} for a service
 * without an HTTP listener of its own.
 */
public final class MetricsServer implements AutoCloseable {

  private final HttpServer server;

  /**
   * @param port the port, 0 for a free one
   * @param ready what {@code /readyz} reports
   */
  public MetricsServer(PrometheusMeterRegistry registry, int port, BooleanSupplier ready) {
    try {
      server = HttpServer.create(new InetSocketAddress(port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for metrics on port " + port, e);
    }
    server.createContext("/metrics", handler(registry));
    server.createContext("/healthz", liveness());
    server.createContext("/readyz", readiness(ready));
    server.start();
  }

  /** {@code /healthz}: the process answers. */
  public static HttpHandler liveness() {
    return exchange -> answer(exchange, 200, "ok\n");
  }

  /** {@code /readyz}: 200 while {@code ready} holds (its Streams app RUNNING), else 503. */
  public static HttpHandler readiness(BooleanSupplier ready) {
    return exchange -> {
      boolean now = ready.getAsBoolean();
      answer(exchange, now ? 200 : 503, now ? "ready\n" : "not ready\n");
    };
  }

  /** The handler serving a registry's scrape: also mounted on services' own listeners. */
  public static HttpHandler handler(PrometheusMeterRegistry registry) {
    return exchange -> answer(exchange, 200, registry.scrape());
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** Serves another operator endpoint on the same listener (a state digest). */
  public void mount(String path, HttpHandler handler) {
    server.createContext(path, handler);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
