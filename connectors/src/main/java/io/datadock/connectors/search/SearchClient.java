package io.datadock.connectors.search;

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
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The REST calls of a search check or scan, to one node, with Apache HttpClient 5 (the one the S3
 * SDK already ships): every host resolved through the egress gate ({@link EgressDnsResolver}), no
 * proxy, no retry, no redirect, each call bounded by what is left of the deadline, the JVM's
 * certificate authorities and host name verification for HTTPS.
 */
final class SearchClient implements AutoCloseable {

  /** An answer: its status and its JSON body (null when the body is not JSON). */
  record Response(int status, JsonNode body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 16 * 1024 * 1024;

  private final SearchNode node;
  private final SearchLogin login;
  private final Deadline deadline;
  private final CloseableHttpClient http;

  SearchClient(SearchNode node, SearchLogin login, EgressGate gate, Deadline deadline) {
    this.node = node;
    this.login = login;
    this.deadline = deadline;
    Timeout timeout = Timeout.ofMilliseconds(deadline.remainingMillis());
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new EgressDnsResolver(gate, node.port()))
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

  /** GETs {@code path} within the time left; throws what the call failed with. */
  Response get(String path) throws Exception {
    HttpGet get = new HttpGet(node.uri(path));
    get.setHeader(HttpHeaders.ACCEPT, "application/json");
    if (login.authorization() != null) {
      get.setHeader(HttpHeaders.AUTHORIZATION, login.authorization());
    }
    return deadline.call(
        () ->
            http.execute(
                get,
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

  /** Why a call failed, for a step's message: a denial, a timeout, TLS, or the cause. */
  String describe(Exception error, Credentials credentials) {
    return EgressDeniedException.messageIn(error)
        .orElseGet(
            () -> {
              if (error instanceof TimeoutException
                  || error instanceof SocketTimeoutException
                  || deadline.expired()) {
                return "no answer from " + node + " within " + deadline.describe();
              }
              if (error instanceof SSLException) {
                return "TLS handshake with "
                    + node
                    + " failed: "
                    + SafeMessages.of(error, credentials);
              }
              return "cannot query " + node + ": " + SafeMessages.of(error, credentials);
            });
  }

  @Override
  public void close() {
    http.close(CloseMode.IMMEDIATE);
  }
}
