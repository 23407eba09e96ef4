package io.datadock.connectors.objectstore.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.objectstore.EgressDnsResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import reactor.core.publisher.Mono;

/**
 * The Azure SDK's HTTP client for one check or scan: Apache HttpClient 5 (already here for S3)
 * whose DNS resolver is the {@link EgressDnsResolver}, so every host the SDK goes to is decided by
 * the {@link EgressGate} before a connection; no proxy settings, redirects, retries, cookies or
 * content decoding; each request bounded by what is left of the deadline. Responses are read whole
 * ({@link BufferedResponse}): the SDK is only asked for listing pages and byte ranges.
 */
public final class GatedHttpClient implements HttpClient, AutoCloseable {

  /** Set by Apache from the entity; a copy from the SDK would be refused as a duplicate. */
  private static final Set<String> SET_BY_CLIENT =
      Set.of("content-length", "host", "transfer-encoding", "connection");

  private final CloseableHttpClient http;
  private final Deadline deadline;

  public GatedHttpClient(EgressGate gate, int port, Deadline deadline) {
    this.deadline = deadline;
    Timeout connect = Timeout.ofMilliseconds(deadline.remainingMillis());
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new EgressDnsResolver(gate, port))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(connect)
                            .setSocketTimeout(connect)
                            .build())
                    .build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableContentCompression()
            .disableAuthCaching()
            .build();
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    return Mono.fromCallable(() -> sendSync(request, Context.NONE));
  }

  @Override
  public HttpResponse sendSync(HttpRequest request, Context context) {
    HttpUriRequestBase outgoing;
    try {
      outgoing = new HttpUriRequestBase(request.getHttpMethod().name(), request.getUrl().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + e.getReason());
    }
    for (HttpHeader header : request.getHeaders()) {
      if (!SET_BY_CLIENT.contains(header.getName().toLowerCase(java.util.Locale.ROOT))) {
        for (String value : header.getValuesList()) {
          outgoing.addHeader(header.getName(), value);
        }
      }
    }
    BinaryData body = request.getBodyAsBinaryData();
    if (body != null) {
      outgoing.setEntity(new ByteArrayEntity(body.toBytes(), null));
    }
    Timeout left = Timeout.ofMilliseconds(deadline.remainingMillis());
    outgoing.setConfig(
        RequestConfig.custom().setResponseTimeout(left).setConnectionRequestTimeout(left).build());
    try {
      return http.execute(
          outgoing,
          response -> {
            HttpHeaders headers = new HttpHeaders();
            for (Header header : response.getHeaders()) {
              headers.add(header.getName(), header.getValue());
            }
            byte[] bytes =
                response.getEntity() == null
                    ? new byte[0]
                    : EntityUtils.toByteArray(response.getEntity());
            return new BufferedResponse(request, response.getCode(), headers, bytes);
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
