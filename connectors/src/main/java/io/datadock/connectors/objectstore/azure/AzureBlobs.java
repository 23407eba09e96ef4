package io.datadock.connectors.objectstore.azure;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.scan.objectstore.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * One container as an {@link ObjectStore}: pages of the flat blob listing and ranged downloads,
 * each call bounded by what is left of the deadline. Failures become {@link IOException}s with a
 * message fit for a scan's errors (no credential value).
 */
final class AzureBlobs implements ObjectStore {

  private final BlobContainerClient container;
  private final AzureLocation location;
  private final AzureClients.Access access;
  private final Credentials credentials;
  private final Deadline deadline;

  AzureBlobs(
      BlobContainerClient container,
      AzureLocation location,
      AzureClients.Access access,
      Credentials credentials,
      Deadline deadline) {
    this.container = container;
    this.location = location;
    this.access = access;
    this.credentials = credentials;
    this.deadline = deadline;
  }

  /** One page of blobs under {@code prefix}, from {@code after} (null: the first page). */
  static PagedResponse<BlobItem> firstPage(
      BlobContainerClient container, String prefix, String after, int pageSize, Deadline deadline) {
    ListBlobsOptions options =
        new ListBlobsOptions().setPrefix(prefix).setMaxResultsPerPage(pageSize);
    Iterator<PagedResponse<BlobItem>> pages =
        container
            .listBlobs(options, after, deadline.remaining())
            .iterableByPage(after, pageSize)
            .iterator();
    return pages.next();
  }

  @Override
  public String root() {
    return location.root();
  }

  @Override
  public Page list(String prefix, String after, int pageSize) throws IOException {
    try {
      PagedResponse<BlobItem> page = firstPage(container, prefix, after, pageSize, deadline);
      return new Page(
          page.getValue().stream()
              .filter(blob -> !Boolean.TRUE.equals(blob.isPrefix()))
              .map(blob -> new StoredObject(blob.getName(), size(blob)))
              .toList(),
          page.getContinuationToken());
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public byte[] read(String key, long position, int length) throws IOException {
    if (length <= 0) {
      return new byte[0];
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(length);
    try {
      container
          .getBlobClient(key)
          .downloadStreamWithResponse(
              bytes,
              new BlobRange(position, (long) length),
              null,
              null,
              false,
              deadline.remaining(),
              Context.NONE);
      return bytes.toByteArray();
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  private static long size(BlobItem blob) {
    Long length = blob.getProperties() == null ? null : blob.getProperties().getContentLength();
    return length == null ? 0 : length;
  }

  private IOException failure(RuntimeException e) {
    return new IOException(
        AzureErrors.isLogin(e)
            ? AzureErrors.loginProblem(e, access, location)
            : AzureErrors.describe(e, deadline, credentials));
  }
}
