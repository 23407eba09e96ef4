package io.datadock.connectors.objectstore.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.google.GoogleSession;
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.scan.objectstore.ObjectStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One bucket as an {@link ObjectStore} over the JSON API: {@code objects.list} pages and ranged
 * {@code alt=media} reads ({@code Range: bytes=a-b}), each call bounded by what is left of the
 * client's deadline. Failures become {@link IOException}s with a message fit for a scan's errors
 * (no credential value).
 */
final class GcsObjects implements ObjectStore {

  private final GoogleSession session;
  private final EgressRestClient storage;
  private final GcsLocation location;
  private final Credentials credentials;

  GcsObjects(GoogleSession session, GcsLocation location, Credentials credentials) {
    this.session = session;
    this.storage = session.client();
    this.location = location;
    this.credentials = credentials;
  }

  @Override
  public String root() {
    return "gs://" + location.bucket() + "/";
  }

  @Override
  public Page list(String prefix, String after, int pageSize) throws IOException {
    EgressRestClient.Response answer =
        call(() -> storage.get(GcsApi.objects(location, prefix, after, pageSize)));
    if (!answer.ok()) {
      throw new IOException(session.refusal(answer.status(), root() + prefix, "list"));
    }
    JsonNode body = answer.body();
    if (body == null || !body.isObject()) {
      throw new IOException("the answer to objects.list is not JSON: is the endpoint GCS's API?");
    }
    List<StoredObject> objects = new ArrayList<>();
    for (JsonNode item : body.path("items")) {
      // the JSON API sends sizes (uint64) as strings
      objects.add(new StoredObject(item.path("name").asText(), item.path("size").asLong(0)));
    }
    JsonNode next = body.get("nextPageToken");
    return new Page(objects, next == null || !next.isTextual() ? null : next.asText());
  }

  @Override
  public byte[] read(String key, long position, int length) throws IOException {
    if (length <= 0) {
      return new byte[0];
    }
    EgressRestClient.BytesResponse answer =
        call(
            () ->
                storage.getBytes(
                    GcsApi.media(location, key),
                    Map.of("Range", "bytes=" + position + "-" + (position + length - 1)),
                    length));
    if (answer.status() == 416) {
      return new byte[0]; // the range starts at or after the end: nothing there
    }
    if (!answer.ok()) {
      throw new IOException(session.refusal(answer.status(), root() + key, "read"));
    }
    return answer.body();
  }

  private interface Call<T> {
    T run() throws Exception;
  }

  private <T> T call(Call<T> call) throws IOException {
    try {
      return call.run();
    } catch (Exception e) {
      throw new IOException(storage.describe(e, credentials));
    }
  }
}
