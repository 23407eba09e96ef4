package io.datadock.connectors.objectstore.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An HTTP answer read whole, for the Azure SDK ({@link GatedHttpClient}). */
final class BufferedResponse extends HttpResponse {

  private final int status;
  private final HttpHeaders headers;
  private final byte[] body;

  BufferedResponse(HttpRequest request, int status, HttpHeaders headers, byte[] body) {
    super(request);
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  @Override
  public int getStatusCode() {
    return status;
  }

  @Override
  @Deprecated
  public String getHeaderValue(String name) {
    return headers.getValue(HttpHeaderName.fromString(name));
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }

  @Override
  public Flux<ByteBuffer> getBody() {
    return body.length == 0 ? Flux.empty() : Flux.just(ByteBuffer.wrap(body).asReadOnlyBuffer());
  }

  @Override
  public BinaryData getBodyAsBinaryData() {
    return BinaryData.fromBytes(body);
  }

  @Override
  public Mono<byte[]> getBodyAsByteArray() {
    return body.length == 0 ? Mono.empty() : Mono.just(body);
  }

  @Override
  public Mono<String> getBodyAsString() {
    return getBodyAsString(StandardCharsets.UTF_8);
  }

  @Override
  public Mono<String> getBodyAsString(Charset charset) {
    return body.length == 0 ? Mono.empty() : Mono.just(new String(body, charset));
  }
}
