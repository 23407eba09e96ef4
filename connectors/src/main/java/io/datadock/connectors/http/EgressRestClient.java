package io.datadock.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SafeMessages;
import io.datadock.connectors.egress.EgressDeniedException;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.objectstore.EgressDnsResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The REST calls of a check or scan (search clusters, Pulsar's admin API, Google's token endpoint
 * and JSON APIs, Snowflake's login and query requests) to one server, with Apache HttpClient 5 (the
 * one the S3 SDK already ships): every host resolved through the egress gate ({@link
 * EgressDnsResolver}), no proxy, no retry, no redirect, each call bounded by what is left of the
 * deadline, the JVM's certificate authorities and host name verification for HTTPS.
 */
public final class EgressRestClient implements AutoCloseable {

  /** An answer: its status and its JSON body (null when the body is not JSON). */
  public record Response(int status, JsonNode body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 16 * 1024 * 1024;

  private final String server;
  private final String authorization;
  private final Deadline deadline;
  private final EgressGate gate;
  private final int port;
  private final Object building = new Object();
  private volatile CloseableHttpClient http;
  private volatile boolean closed;

  /**
   * @param server {@code scheme://host:port}, without a path
   * @param authorization the {@code Authorization} header's value, or null
   */
  public EgressRestClient(
      String server, int port, String authorization, EgressGate gate, Deadline deadline) {
    this.server = server;
    this.port = port;
    this.authorization = authorization;
    this.gate = gate;
    this.deadline = deadline;
  }

  /**
   * The HTTP client, built on first use inside the deadline's worker: building it loads the TLS
   * trust store, which a loaded machine may take seconds to do.
   */
  private CloseableHttpClient http() {
    synchronized (building) {
      if (http == null) {
        http = build(Timeout.ofMilliseconds(deadline.remainingMillis()));
      }
    }
    if (closed) {
      // closed while this worker was still building it: a late call must not leave it open
      http.close(CloseMode.IMMEDIATE);
    }
    return http;
  }

  private CloseableHttpClient build(Timeout timeout) {
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new EgressDnsResolver(gate, port))
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        .build())
                .build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .build();
  }

  /** An answer's status and its raw body, at most the bytes asked for. */
  public record BytesResponse(int status, byte[] body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** GETs {@code path} within the time left; throws what the call failed with. */
  public Response get(String path) throws Exception {
    return json(new HttpGet(URI.create(server + path)));
  }

  /**
   * POSTs {@code form} ({@code application/x-www-form-urlencoded}) to {@code path} within the time
   * left; the answer's JSON. Throws what the call failed with.
   */
  public Response postForm(String path, Map<String, String> form) throws Exception {
    HttpPost post = new HttpPost(URI.create(server + path));
    post.setEntity(
        new UrlEncodedFormEntity(
            form.entrySet().stream()
                .map(e -> (NameValuePair) new BasicNameValuePair(e.getKey(), e.getValue()))
                .toList(),
            StandardCharsets.UTF_8));
    return json(post);
  }

  /**
   * POSTs {@code body} as JSON to {@code path} with the extra {@code headers} (an {@code Accept} of
   * the vendor's) within the time left; the answer's JSON. Throws what the call failed with.
   */
  public Response postJson(String path, Object body, Map<String, String> headers) throws Exception {
    HttpPost post = new HttpPost(URI.create(server + path));
    post.setEntity(new ByteArrayEntity(JSON.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
    headers.forEach(post::setHeader);
    return json(post);
  }

  /**
   * GETs {@code path} with the extra {@code headers} (a {@code Range}) within the time left; at
   * most {@code maxBytes} of the body are read.
   */
  public BytesResponse getBytes(String path, Map<String, String> headers, int maxBytes)
      throws Exception {
    HttpGet get = new HttpGet(URI.create(server + path));
    headers.forEach(get::setHeader);
    authorize(get);
    return deadline.call(
        () ->
            http()
                .execute(
                    get,
                    response -> {
                      byte[] body = new byte[0];
                      if (response.getEntity() != null) {
                        try (InputStream in = response.getEntity().getContent()) {
                          body = in.readNBytes(maxBytes);
                        }
                      }
                      return new BytesResponse(response.getCode(), body);
                    }),
        late -> {});
  }

  private Response json(HttpUriRequestBase request) throws Exception {
    if (!request.containsHeader(HttpHeaders.ACCEPT)) {
      request.setHeader(HttpHeaders.ACCEPT, "application/json");
    }
    authorize(request);
    return deadline.call(
        () ->
            http()
                .execute(
                    request,
                    response -> {
                      JsonNode body = null;
                      if (response.getEntity() != null) {
                        try (InputStream in = response.getEntity().getContent()) {
                          body = JSON.readTree(in.readNBytes(MAX_BODY));
                        } catch (IOException notJson) {
                          // a proxy's or another server's page: the status tells enough
                        }
                      }
                      return new Response(response.getCode(), body);
                    }),
        late -> {});
  }

  private void authorize(HttpUriRequestBase request) {
    if (authorization != null) {
      request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
    }
  }

  /** Why a call failed, for a step's message: a denial, a timeout, TLS, or the cause. */
  public String describe(Exception error, Credentials credentials) {
    return EgressDeniedException.messageIn(error)
        .orElseGet(
            () -> {
              if (error instanceof TimeoutException
                  || error instanceof SocketTimeoutException
                  || deadline.expired()) {
                return "no answer from " + server + " within " + deadline.describe();
              }
              if (error instanceof SSLException) {
                return "TLS handshake with "
                    + server
                    + " failed: "
                    + SafeMessages.of(error, credentials);
              }
              return "cannot query " + server + ": " + SafeMessages.of(error, credentials);
            });
  }

  /** Closes the client without waiting, also one a worker is still building. */
  @Override
  public void close() {
    closed = true;
    CloseableHttpClient built = http;
    if (built != null) {
      built.close(CloseMode.IMMEDIATE);
    }
  }
}
